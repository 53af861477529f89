using System.ComponentModel.DataAnnotations;

namespace Assistant.Web.Auth;

/// <summary>An account from configuration. Passwords are stored only as ASP.NET Core Identity (PBKDF2) hashes.</summary>
public sealed class AccountOptions
{
    [Required]
    public string Username { get; set; } = "";

    public string? DisplayName { get; set; }

    [Required]
    public string Role { get; set; } = Roles.User;

    /// <summary>Groups beyond the role (e.g. "beta-testers"), for targeting a staged rollout at them.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Made with <c>assistant hash-password</c>.</summary>
    [Required]
    public string PasswordHash { get; set; } = "";

    /// <summary>Shown on the sign-in page in Development only, so people trying the demo can sign in. Never set it in production.</summary>
    public string? DemoPassword { get; set; }
}

/// <summary>Accounts and sign-in settings (section "Assistant:Auth").</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Assistant:Auth";

    public List<AccountOptions> Accounts { get; set; } = [];

    /// <summary>How long a bearer token from POST /api/auth/token stays valid.</summary>
    [Range(1, 7 * 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var account in Accounts.Where(a => !Roles.All.Contains(a.Role)))
        {
            yield return new ValidationResult($"Account '{account.Username}' has role '{account.Role}'; use one of: {string.Join(", ", Roles.All)}.");
        }
        foreach (var duplicate in Accounts.GroupBy(a => a.Username, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"Account '{duplicate.Key}' is configured more than once.");
        }
    }
}
