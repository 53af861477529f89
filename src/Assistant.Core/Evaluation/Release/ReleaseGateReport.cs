namespace Assistant.Core.Evaluation.Release;

/// <summary>The outcome of <c>assistant eval --suite all --baseline ...</c>: every comparison row, the flips, and notes on what was not checked.</summary>
public sealed record ReleaseGateReport(
    string BaselinePath,
    ReleaseSnapshot Baseline,
    ReleaseSnapshot Now,
    IReadOnlyList<MetricComparison> Rows,
    IReadOnlyList<CaseFlip> Flips,
    IReadOnlyList<string> Notes)
{
    public bool Passed => !Rows.Any(row => row.FailsGate);

    /// <summary>The assistant version evaluated (<c>assistant eval --config</c>; the configured version without it).</summary>
    public string? ConfigVersion { get; init; }

    public static ReleaseGateReport Create(string baselinePath, ReleaseSnapshot baseline, ReleaseSnapshot now, IReadOnlyList<GateRule> rules,
        string? skipLatencyReason, IReadOnlyList<string> notes) =>
        new(baselinePath, baseline, now, BaselineComparer.Compare(rules, baseline, now, skipLatencyReason), BaselineComparer.Flips(baseline, now), notes);
}
