using Assistant.Core.Insights;
using Assistant.Web.Auth;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Insights;

/// <summary>The end-user accounts of configuration: the people the assistant is for (staff accounts are not counted).</summary>
public sealed class ConfiguredAccounts(IOptions<AuthOptions> options) : IEligibleAccounts
{
    public IReadOnlySet<string> UserIds { get; } = options.Value.Accounts
        .Where(account => account.Role == Roles.User)
        .Select(account => account.Username)
        .ToHashSet(StringComparer.Ordinal);
}
