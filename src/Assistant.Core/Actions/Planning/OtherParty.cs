using System.Text.RegularExpressions;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.Planning;

/// <summary>
/// Finds a request that names someone other than the requester ("for bob@chenworks.example", "my colleague's
/// account", "for Dana Reyes"). Tools act only on the requester's own account, so such a request must be refused in
/// plain words, never quietly turned into the same action on the requester's account.
/// </summary>
public static partial class OtherParty
{
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:my|our)\s+(?:colleague|co-?worker|teammate|team member|boss|manager|employee|friend|partner|wife|husband|client|customer|assistant|admin)s?(?:['’]s)?\b|\bsomeone else|\banother (?:user|customer|account|person|member)\b|\b(?:user|customer|member|account) (?:named|called)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relation();

    // "for Dana Reyes", "on behalf of Dana Reyes", "Dana's account": a capitalised name where a target would be named.
    [GeneratedRegex(@"\b(?:for|on behalf of)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b|\b([A-Z][a-z]+)['’]s\s+(?:account|two-factor|2fa|mfa|invoices?|subscription|plan|refund)\b")]
    private static partial Regex Name();

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Northwind", "Flow", "Northwind Flow", "Monthly", "Annual", "Google", "Microsoft", "Slack", "Zapier", "Okta",
    };

    /// <summary>The person or account named, as written; null when the request names no one else.</summary>
    public static string? Find(string message)
    {
        if (Email().Match(message) is { Success: true } email)
        {
            return email.Value;
        }
        if (Relation().Match(message) is { Success: true } relation)
        {
            return relation.Value.Trim();
        }
        foreach (Match match in Name().Matches(message))
        {
            var name = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            if (!NotNames.Contains(name) && !name.Split(' ').Any(word => PlanCatalog.Normalize(word) is not null || NotNames.Contains(word)))
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>True when what was named is the requester after all (their own email, name or username).</summary>
    public static bool IsSelf(string named, string username, Customer? customer) =>
        string.Equals(named, username, StringComparison.OrdinalIgnoreCase)
        || customer is not null && (string.Equals(named, customer.Email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(named, customer.Name, StringComparison.OrdinalIgnoreCase)
            || customer.Name.StartsWith(named + " ", StringComparison.OrdinalIgnoreCase));
}
