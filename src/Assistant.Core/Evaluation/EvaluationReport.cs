namespace Assistant.Core.Evaluation;

/// <summary>The metrics of one evaluation run, named as evals/gates.json names them.</summary>
public sealed record EvaluationMetrics(
    double RetrievalHitAt5,
    double CitationPrecision,
    double CitationRecall,
    double FactRecall,
    double DeclinePrecision,
    double DeclineRecall,
    double DeclineAccuracy,
    double ForbiddenRate,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double MeanTokensIn,
    double MeanTokensOut);

public sealed record EvaluationReport(
    string GoldenSet,
    int Cases,
    string Generator,
    DateTimeOffset RanAt,
    EvaluationMetrics Metrics,
    IReadOnlyList<SplitMetrics> Splits,
    IReadOnlyList<GateResult> Gates,
    IReadOnlyList<CaseResult> Results)
{
    public bool Passed => Gates.All(gate => gate.Passed);

    /// <summary>The assistant version evaluated (<c>assistant eval --config</c>; the configured version without it).</summary>
    public string? ConfigVersion { get; init; }
}
