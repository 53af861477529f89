using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Staged rollout and its guards (section "Assistant:Releases"). A candidate is compared with stable over the answers
/// each gave since the rollout started; once both have <see cref="MinimumSample"/> answers, a candidate worse than
/// stable by more than a metric's allowance is rolled back automatically.
/// </summary>
public sealed class ReleasesOptions
{
    public const string SectionName = "Assistant:Releases";

    /// <summary>Answers each arm needs before a guard may judge: fewer is noise, and a rollback on noise is its own outage.</summary>
    [Range(1, 1_000_000)]
    public int MinimumSample { get; set; } = 20;

    /// <summary>Rated answers each arm needs before the 👎 guard may judge (most answers are never rated).</summary>
    [Range(1, 1_000_000)]
    public int MinimumRatings { get; set; } = 5;

    /// <summary>How often the guards are checked and, on a breach, the candidate rolled back.</summary>
    [Range(100, 3_600_000)]
    public int CheckIntervalMilliseconds { get; set; } = 5_000;

    /// <summary>Whether a breach rolls back by itself; off, the page and the alert still show it and an admin decides.</summary>
    public bool AutomaticRollback { get; set; } = true;

    /// <summary>How old the in-memory rollout may get before the app database is read again (another replica's change).</summary>
    [Range(50, 1_000)]
    public int RefreshMilliseconds { get; set; } = 500;

    /// <summary>Most the share of unsupported drafted sentences may rise, in points (0.05 = 5 points).</summary>
    [Range(0.0, 1.0)]
    public double MaxUnsupportedIncrease { get; set; } = 0.05;

    /// <summary>Most the share of rated answers rated 👎 may rise, in points.</summary>
    [Range(0.0, 1.0)]
    public double MaxThumbsDownIncrease { get; set; } = 0.10;

    /// <summary>Most the share of questions declined may rise, in points.</summary>
    [Range(0.0, 1.0)]
    public double MaxAbstentionIncrease { get; set; } = 0.15;

    /// <summary>Most the share of questions that failed may rise, in points.</summary>
    [Range(0.0, 1.0)]
    public double MaxErrorIncrease { get; set; } = 0.02;

    /// <summary>Most the P95 latency may grow, as a factor of stable's (1.5 = half as slow again).</summary>
    [Range(1.0, 100.0)]
    public double MaxP95LatencyRatio { get; set; } = 1.5;

    /// <summary>Most the cost per answer may grow, as a factor of stable's.</summary>
    [Range(1.0, 100.0)]
    public double MaxCostRatio { get; set; } = 1.5;

    /// <summary>Latency may always grow by this much (ms), so a stable P95 of a few ms does not make any candidate a breach.</summary>
    [Range(0, 60_000)]
    public double LatencySlackMilliseconds { get; set; } = 250;

    /// <summary>Cost per answer may always grow by this much (USD), so an offline stable (cost 0) does not make every model a breach.</summary>
    [Range(0.0, 10.0)]
    public double CostSlackPerAnswer { get; set; } = 0.001;
}
