using Assistant.Core.Releases.Rollout;
using Assistant.Web.Auth;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Releases;

/// <summary>
/// Rollout groups from the account directory: each account is in its role's group ("user", "agent", "admin") and in the
/// groups configured on it (Assistant:Auth:Accounts:n:Groups, e.g. "beta-testers").
/// </summary>
public sealed class AccountGroups(IOptions<AuthOptions> options) : IUserGroups
{
    private readonly Dictionary<string, IReadOnlyList<string>> _byUser = options.Value.Accounts.ToDictionary(
        account => account.Username,
        account => (IReadOnlyList<string>)new[] { account.Role }.Concat(account.Groups).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> GroupsOf(string userId) => _byUser.TryGetValue(userId, out var groups) ? groups : [];

    public IReadOnlyList<string> Known => _byUser.Values.SelectMany(groups => groups).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
}
