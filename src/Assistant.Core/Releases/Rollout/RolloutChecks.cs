namespace Assistant.Core.Releases.Rollout;

/// <summary>What is wrong with a requested rollout, by field (the API's 400 and the page's message say the same).</summary>
public static class RolloutChecks
{
    public const int MaxNames = 200;
    public const int MaxNameLength = 100;

    public static Dictionary<string, string[]> Problems(string? candidate, IReadOnlyList<string>? users, IReadOnlyList<string>? groups, double? percentage,
        IReadOnlyList<string> knownGroups)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(candidate))
        {
            problems["candidate"] = ["Name the published version to roll out: {\"candidate\": \"v2\"}."];
        }
        if (percentage is { } value && (double.IsNaN(value) || value < 0 || value > 100))
        {
            problems["percentage"] = ["The percentage is 0 to 100."];
        }
        if (Names(users) is { } userProblem)
        {
            problems["users"] = [userProblem];
        }
        if (Names(groups) is { } groupProblem)
        {
            problems["groups"] = [groupProblem];
        }
        else if ((groups ?? []).Where(group => !knownGroups.Contains(group.Trim(), StringComparer.OrdinalIgnoreCase)).ToList() is { Count: > 0 } unknown)
        {
            problems["groups"] = [$"Unknown group(s): {string.Join(", ", unknown)}. Groups are: {string.Join(", ", knownGroups)}."];
        }
        return problems;
    }

    /// <summary>The audience as stored: names trimmed, duplicates dropped, in order; no percentage is 0.</summary>
    public static RolloutAudience Audience(IReadOnlyList<string>? users, IReadOnlyList<string>? groups, double? percentage) => new(
        (users ?? []).Select(user => user.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(),
        (groups ?? []).Select(group => group.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(),
        Math.Round(percentage ?? 0, 2));

    private static string? Names(IReadOnlyList<string>? names) =>
        names is null ? null
        : names.Count > MaxNames ? $"At most {MaxNames} names."
        : names.Any(name => string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength) ? $"Each name is 1 to {MaxNameLength} characters."
        : null;
}
