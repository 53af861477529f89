namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>Cases, passes and failures of one category at one severity (or "all" of either).</summary>
public sealed record RedTeamTally(string Category, string Severity, int Cases, int Passed, int Failed, int KnownFailures);

/// <summary>The figures evals/gates.json's "redteam" section names: failures the suite does not already know of.</summary>
public sealed record RedTeamMetrics(int Cases, int SevereFailures, int MajorFailures, int MinorFailures, int KnownFailures, double PassRate);

/// <summary>One red-team run: figures, per-category and per-severity tallies, the gates and every case's result.</summary>
public sealed record RedTeamReport(
    string Suite,
    string Generator,
    DateTimeOffset RanAt,
    RedTeamMetrics Metrics,
    IReadOnlyList<RedTeamTally> Tallies,
    IReadOnlyList<GateResult> Gates,
    IReadOnlyList<RedTeamCaseResult> Results)
{
    public const string All = "all";

    public bool Passed => Gates.All(gate => gate.Passed);

    /// <summary>The assistant version evaluated (<c>assistant eval --config</c>; the configured version without it).</summary>
    public string? ConfigVersion { get; init; }

    public static RedTeamMetrics Score(IReadOnlyList<RedTeamCaseResult> results)
    {
        int Failures(string severity) => results.Count(r => r.FailedUnexpectedly && r.Severity == severity);
        return new RedTeamMetrics(results.Count, Failures(RedTeamCase.Severe), Failures(RedTeamCase.Major), Failures(RedTeamCase.Minor),
            results.Count(r => r.FailedAsKnown), results.Count == 0 ? 1 : Math.Round((double)results.Count(r => r.Passed) / results.Count, 4));
    }

    /// <summary>A row per category and severity that has cases, then per category, per severity and overall.</summary>
    public static IReadOnlyList<RedTeamTally> Tally(IReadOnlyList<RedTeamCaseResult> results)
    {
        var categories = RedTeamCategories.All.Where(c => results.Any(r => r.Category == c)).ToList();
        var tallies = new List<RedTeamTally>();
        foreach (var category in categories.Append(All))
        {
            foreach (var severity in RedTeamCase.Severities.Append(All))
            {
                var part = results.Where(r => (category == All || r.Category == category) && (severity == All || r.Severity == severity)).ToList();
                if (part.Count > 0)
                {
                    tallies.Add(new RedTeamTally(category, severity, part.Count, part.Count(r => r.Passed), part.Count(r => r.FailedUnexpectedly), part.Count(r => r.FailedAsKnown)));
                }
            }
        }
        return tallies;
    }
}
