namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Who gets the candidate: named users, everyone in a group (a role or a configured group such as "beta-testers"), and
/// a percentage of everyone else, assigned by a hash of the user id so a user keeps their side (sticky).
/// </summary>
public sealed record RolloutAudience(IReadOnlyList<string> Users, IReadOnlyList<string> Groups, double Percentage)
{
    public static RolloutAudience Nobody { get; } = new([], [], 0);

    public string Describe()
    {
        var parts = new List<string>();
        if (Users.Count > 0) parts.Add($"users {string.Join(", ", Users)}");
        if (Groups.Count > 0) parts.Add($"groups {string.Join(", ", Groups)}");
        parts.Add($"{Percentage:0.##} % of everyone else");
        return string.Join("; ", parts);
    }
}
