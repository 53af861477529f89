using Assistant.Core.Evaluation.Release;
using Xunit;

namespace Assistant.Core.Tests.Evaluation.Release;

/// <summary>Repeated runs with a model: noise inside the runs' 95 % interval is not called a regression.</summary>
public sealed class MetricIntervalTests
{
    [Fact]
    public void The_interval_of_repeated_runs_is_the_mean_plus_or_minus_t_times_the_standard_error()
    {
        var interval = MetricInterval.Of([0.90, 0.92, 0.94]);

        // mean 0.92, s = 0.02, t(2 df) = 4.303: half-width 4.303 * 0.02 / sqrt(3) = 0.04969
        Assert.Equal(0.92, interval.Mean, 6);
        Assert.Equal(0.87031, interval.Low, 4);
        Assert.Equal(0.96969, interval.High, 4);
        Assert.Equal(3, interval.Runs);
    }

    [Fact]
    public void A_single_run_has_no_spread()
    {
        var interval = MetricInterval.Of([0.8]);

        Assert.Equal((0.8, 0.8), (interval.Low, interval.High));
    }

    [Fact]
    public void A_mean_worse_than_allowed_is_not_a_regression_while_the_interval_still_contains_the_baseline()
    {
        var noisy = MetricInterval.Of([0.90, 0.99, 0.93]);

        Assert.True(noisy.Contains(0.97));
        Assert.False(BaselineComparer.IsRegression(Snapshots.Precision, baseline: 0.97, now: noisy.Mean, max: 0.01, noisy));
    }

    [Fact]
    public void A_mean_worse_than_allowed_is_a_regression_once_the_interval_excludes_the_baseline()
    {
        var steady = MetricInterval.Of([0.90, 0.91, 0.90]);

        Assert.False(steady.Contains(0.97));
        Assert.True(BaselineComparer.IsRegression(Snapshots.Precision, baseline: 0.97, now: steady.Mean, max: 0.01, steady));
    }

    [Fact]
    public void Combining_runs_gives_each_metric_its_mean_and_interval()
    {
        var runs = new[] { 0.9, 1.0 }.Select(v => Snapshots.With(new() { ["answers.citationPrecision"] = v })).ToList();

        var combined = Assistant.Core.Evaluation.Release.SnapshotBuilder.Combine(runs);

        Assert.Equal(2, combined.Runs);
        Assert.Equal(0.95, combined.Value("all", "answers.citationPrecision")!.Value, 6);
        Assert.NotNull(combined.Interval("all", "answers.citationPrecision"));
    }
}
