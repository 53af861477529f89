namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// One row of the gate table: a metric in one split, its baseline and current value, and the verdict of its absolute
/// gate and its regression gate ("pass", "FAIL", "skipped: why" or "n/a").
/// </summary>
public sealed record MetricComparison(
    string Split,
    string Metric,
    double? Baseline,
    double Now,
    MetricInterval? Interval,
    string AbsoluteGate,
    string RegressionGate,
    string Absolute,
    string Regression,
    bool Decides)
{
    public const string Pass = "pass";
    public const string Fail = "FAIL";

    public double? Delta => Baseline is { } baseline ? Math.Round(Now - baseline, 6) : null;

    public bool Failed => Absolute == Fail || Regression == Fail;

    /// <summary>Only rows of the "all" split decide the gate; dev and held-out rows are reported alongside.</summary>
    public bool FailsGate => Decides && Failed;

    public string Result => Absolute.StartsWith("skipped", StringComparison.Ordinal) ? "skipped"
        : Failed ? (Decides ? Fail : "fail (reported only)") : Pass;
}
