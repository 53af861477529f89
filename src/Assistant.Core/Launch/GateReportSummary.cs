namespace Assistant.Core.Launch;

/// <summary>
/// What the checklist needs from the release gate's JSON report (<c>assistant eval --suite all</c>): the verdict, the
/// version it evaluated when it names one, when it ran, the red-team failures by severity and the held-out figures.
/// </summary>
/// <param name="ConfigVersion">The assistant version evaluated; null in reports from before versions.</param>
/// <param name="RedTeam">Failures by severity ("severe", "major", "minor") in the deciding split; empty without a red-team run.</param>
/// <param name="HeldOut">The held-out split's figures (reported, never tuned on), by metric.</param>
/// <param name="FailedGates">The deciding rows that failed, as "metric (now vs gate)".</param>
public sealed record GateReportSummary(
    bool Passed,
    string? ConfigVersion,
    DateTimeOffset? RanAt,
    string? Settings,
    IReadOnlyDictionary<string, double> RedTeam,
    IReadOnlyDictionary<string, double> HeldOut,
    IReadOnlyList<string> FailedGates);
