using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Auth;

/// <summary>Checks usernames and passwords against the configured accounts and builds the signed-in identity.</summary>
public sealed class AccountDirectory(IOptions<AuthOptions> options)
{
    private static readonly PasswordHasher<AccountOptions> Hasher = new();

    // A real hash to verify against when the username is unknown, so timing does not reveal which usernames exist.
    private static readonly string DecoyHash = Hasher.HashPassword(new AccountOptions(), Guid.NewGuid().ToString());

    public ClaimsPrincipal? Authenticate(string username, string password, string scheme)
    {
        var account = options.Value.Accounts.FirstOrDefault(a => string.Equals(a.Username, username, StringComparison.OrdinalIgnoreCase));
        var result = Hasher.VerifyHashedPassword(account ?? new AccountOptions(), account?.PasswordHash ?? DecoyHash, password);
        if (account is null || result == PasswordVerificationResult.Failed)
        {
            return null;
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Username),
            new Claim(ClaimTypes.Name, account.DisplayName ?? account.Username),
            new Claim(ClaimTypes.Role, account.Role),
        ], scheme);
        return new ClaimsPrincipal(identity);
    }

    public static string Hash(string password) => Hasher.HashPassword(new AccountOptions(), password);
}
