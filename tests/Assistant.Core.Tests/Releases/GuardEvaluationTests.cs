using Assistant.Core.Releases.Rollout;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>The guards: nothing is judged below the minimum sample; each metric breaches when the candidate is worse than allowed.</summary>
public sealed class GuardEvaluationTests
{
    private static readonly ReleasesOptions Options = new() { MinimumSample = 20, MinimumRatings = 5 };

    // 40 questions, 100 drafted sentences with 2 unsupported, 10 rated with 1 👎, 4 declined, no failure, P95 800 ms, $0.40 (1 cent an answer).
    private static readonly ArmSample Stable = new(40, 100, 2, 10, 1, 4, 0, 800, 0.40m);

    public static TheoryData<string, ArmSample> Breaches => new()
    {
        { GuardMetric.Errors, Stable with { Failed = 2 } },
        { GuardMetric.Unsupported, Stable with { UnsupportedSentences = 10 } },
        { GuardMetric.ThumbsDown, Stable with { ThumbsDown = 4 } },
        { GuardMetric.Abstention, Stable with { Abstained = 12 } },
        { GuardMetric.LatencyP95, Stable with { P95Milliseconds = 1_300 } },
        { GuardMetric.CostPerAnswer, Stable with { Cost = 0.80m } },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void A_candidate_worse_than_allowed_on_one_metric_breaches_that_guard_only(string metric, ArmSample candidate)
    {
        var report = GuardEvaluation.Evaluate(Stable, candidate, Options);

        Assert.True(report.Ready);
        Assert.Equal([metric], report.Results.Where(r => r.Verdict == GuardVerdict.Breach).Select(r => r.Metric));
        Assert.Equal(metric, report.Breach!.Metric);
        Assert.Equal((40, 40), (report.Breach.CandidateSample, report.Breach.StableSample));
    }

    [Fact]
    public void A_candidate_as_good_as_stable_passes_every_guard()
    {
        var report = GuardEvaluation.Evaluate(Stable, Stable with { Questions = 25, Abstained = 3, Cost = 0.25m }, Options);

        Assert.All(report.Results, result => Assert.Equal(GuardVerdict.Pass, result.Verdict));
        Assert.Null(report.Breach);
    }

    [Fact]
    public void Below_the_minimum_sample_nothing_is_judged_however_bad_the_candidate_looks()
    {
        var awful = new ArmSample(19, 40, 40, 19, 19, 19, 19, 60_000, 19m);

        var report = GuardEvaluation.Evaluate(Stable, awful, Options);

        Assert.False(report.Ready);
        Assert.All(report.Results, result => Assert.Equal(GuardVerdict.Waiting, result.Verdict));
        Assert.Null(report.Breach);
    }

    [Fact]
    public void The_minimum_sample_applies_to_stable_as_well()
    {
        var report = GuardEvaluation.Evaluate(Stable with { Questions = 5 }, Stable with { Failed = 40 }, Options);

        Assert.Null(report.Breach);
    }

    [Fact]
    public void The_thumbs_down_guard_waits_for_enough_ratings()
    {
        var report = GuardEvaluation.Evaluate(Stable, Stable with { Rated = 2, ThumbsDown = 2 }, Options);

        Assert.Equal(GuardVerdict.Waiting, report.Results.Single(r => r.Metric == GuardMetric.ThumbsDown).Verdict);
        Assert.Null(report.Breach);
    }

    [Fact]
    public void A_near_zero_stable_latency_or_cost_leaves_room_for_a_candidate()
    {
        var offline = new ArmSample(30, 60, 0, 0, 0, 3, 0, 4, 0m);

        var report = GuardEvaluation.Evaluate(offline, offline with { P95Milliseconds = 120, Cost = 0.015m }, Options);

        Assert.Null(report.Breach);
    }
}
