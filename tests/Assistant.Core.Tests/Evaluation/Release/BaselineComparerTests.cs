using Assistant.Core.Evaluation.Release;
using Xunit;

namespace Assistant.Core.Tests.Evaluation.Release;

public sealed class BaselineComparerTests
{
    [Fact]
    public void A_metric_that_dropped_by_more_than_its_allowance_fails_the_regression_gate_even_above_the_absolute_threshold()
    {
        var baseline = Snapshots.With(new() { ["answers.citationPrecision"] = 1.0 });
        var now = Snapshots.With(new() { ["answers.citationPrecision"] = 0.95 });

        var row = Assert.Single(BaselineComparer.Compare([Snapshots.Precision], baseline, now));

        Assert.Equal(MetricComparison.Pass, row.Absolute);
        Assert.Equal(MetricComparison.Fail, row.Regression);
        Assert.True(row.FailsGate);
        Assert.Equal(-0.05, row.Delta);
    }

    [Fact]
    public void A_drop_within_the_allowance_passes()
    {
        var row = Assert.Single(BaselineComparer.Compare([Snapshots.Precision],
            Snapshots.With(new() { ["answers.citationPrecision"] = 0.97 }), Snapshots.With(new() { ["answers.citationPrecision"] = 0.96 })));

        Assert.False(row.Failed);
    }

    [Fact]
    public void For_a_lower_is_better_metric_a_rise_is_the_regression_and_a_fall_is_not()
    {
        var baseline = Snapshots.With(new() { ["answers.latencyP95Ms"] = 40 });

        var rise = Assert.Single(BaselineComparer.Compare([Snapshots.Latency], baseline, Snapshots.With(new() { ["answers.latencyP95Ms"] = 100 })));
        var fall = Assert.Single(BaselineComparer.Compare([Snapshots.Latency], baseline, Snapshots.With(new() { ["answers.latencyP95Ms"] = 10 })));

        Assert.Equal(MetricComparison.Fail, rise.Regression);
        Assert.Equal(MetricComparison.Pass, rise.Absolute);
        Assert.False(fall.Failed);
    }

    [Fact]
    public void Skipped_latency_is_reported_as_skipped_with_the_reason_and_never_fails()
    {
        var row = Assert.Single(BaselineComparer.Compare([Snapshots.Latency], Snapshots.With(new() { ["answers.latencyP95Ms"] = 40 }),
            Snapshots.With(new() { ["answers.latencyP95Ms"] = 900 }), skipLatencyReason: "shared CI machine"));

        Assert.Equal("skipped", row.Result);
        Assert.Contains("shared CI machine", row.Absolute);
        Assert.False(row.FailsGate);
    }

    [Fact]
    public void Only_the_all_split_decides_dev_and_held_out_are_reported()
    {
        var rule = Snapshots.Precision;

        var heldOut = BaselineComparer.Row(rule, "held-out", 1.0, 0.5, null, null);

        Assert.True(heldOut.Failed);
        Assert.False(heldOut.FailsGate);
        Assert.Equal("fail (reported only)", heldOut.Result);
    }

    [Fact]
    public void A_case_whose_outcome_changed_is_listed_with_before_and_after()
    {
        var before = Snapshots.With([], new() { ["una-007"] = new Dictionary<string, string> { ["outcome"] = "Declined", ["facts"] = "0/0" }, ["gone"] = new Dictionary<string, string>() });
        var after = Snapshots.With([], new() { ["una-007"] = new Dictionary<string, string> { ["outcome"] = "Answered", ["facts"] = "0/0" }, ["new"] = new Dictionary<string, string>() });

        var flips = BaselineComparer.Flips(before, after);

        Assert.Contains(new CaseFlip("una-007", "outcome", "Declined", "Answered"), flips);
        Assert.Contains(new CaseFlip("new", "case", "(absent)", "added"), flips);
        Assert.Contains(new CaseFlip("gone", "case", "present", "(removed)"), flips);
        Assert.Equal(3, flips.Count);
    }

    [Fact]
    public void The_gate_rules_read_every_section_of_gates_json_with_their_allowances()
    {
        var rules = GateRule.Load(Path.Combine(Assistant.Core.Tests.Architecture.CoreSource.RepositoryRoot, "evals", "gates.json"));

        Assert.Contains(rules, r => r.Key == "redteam.severeFailures" && r.Bound == GateRule.Max && r.MaxRegression == 0);
        Assert.Contains(rules, r => r.Key == "cost.costPerSuccessfulAnswer");
        foreach (var metric in new[] { "retrievalHitAt5", "citationPrecision", "citationRecall", "factRecall", "declinePrecision", "declineRecall", "latencyP95Ms" })
        {
            Assert.Contains(rules, r => r.Key == $"answers.{metric}" && r.MaxRegression is not null);
        }
    }
}
