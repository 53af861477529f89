namespace Assistant.Core.Evaluation;

/// <summary>The metrics over one part of the golden set: "all", "dev" (where thresholds are tuned) or "held-out" (reported only).</summary>
public sealed record SplitMetrics(string Split, int Cases, EvaluationMetrics Metrics);
