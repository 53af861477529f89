namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// One guard: how to read the metric from an arm, how much worse than stable the candidate may be, and a one-line
/// definition shown next to the numbers. Rates may rise by points; latency and cost by a factor (with a floor, so a
/// near-zero stable figure does not make any candidate a breach).
/// </summary>
public sealed record GuardMetric(string Name, string Title, string Definition, string Unit, Func<ArmSample, double> Read, Func<double, ReleasesOptions, double> Allowed,
    bool NeedsRatings = false)
{
    public const string Rate = "rate";
    public const string Milliseconds = "ms";
    public const string Dollars = "usd";

    public const string Errors = "errors";
    public const string Unsupported = "unsupported-sentences";
    public const string ThumbsDown = "thumbs-down";
    public const string Abstention = "abstention";
    public const string LatencyP95 = "latency-p95";
    public const string CostPerAnswer = "cost-per-answer";

    /// <summary>In the order a rollback names them: the first breached is the one recorded as the reason.</summary>
    public static IReadOnlyList<GuardMetric> All { get; } =
    [
        new(Errors, "Error rate", "Questions that failed (outcome Failed), of all questions.", Rate,
            arm => arm.ErrorRate, (stable, options) => stable + options.MaxErrorIncrease),
        new(Unsupported, "Unsupported sentences", "Drafted sentences no retrieved passage supports, of all drafted sentences.", Rate,
            arm => arm.UnsupportedRate, (stable, options) => stable + options.MaxUnsupportedIncrease),
        new(ThumbsDown, "Thumbs-down rate", "Answers rated thumbs-down, of the answers that were rated.", Rate,
            arm => arm.ThumbsDownRate, (stable, options) => stable + options.MaxThumbsDownIncrease, NeedsRatings: true),
        new(Abstention, "Abstention rate", "Questions declined (not in the knowledge base, or nothing survived verification), of all questions.", Rate,
            arm => arm.AbstentionRate, (stable, options) => stable + options.MaxAbstentionIncrease),
        new(LatencyP95, "P95 latency", "95th percentile of the time from question to verified answer.", Milliseconds,
            arm => arm.P95Milliseconds, (stable, options) => Math.Max(stable * options.MaxP95LatencyRatio, stable + options.LatencySlackMilliseconds)),
        new(CostPerAnswer, "Cost per answer", "Model cost (USD) per question, including declined ones.", Dollars,
            arm => arm.CostPerAnswer, (stable, options) => Math.Max(stable * options.MaxCostRatio, stable + options.CostSlackPerAnswer)),
    ];
}
