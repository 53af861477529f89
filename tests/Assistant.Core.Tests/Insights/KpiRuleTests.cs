using Assistant.Core.Insights;
using Assistant.Core.Insights.Kpis;
using Xunit;

namespace Assistant.Core.Tests.Insights;

public sealed class KpiRuleTests
{
    [Theory]
    [InlineData(0.30, KpiStatus.Ok)]
    [InlineData(0.25, KpiStatus.Ok)]
    [InlineData(0.15, KpiStatus.Watch)]
    [InlineData(0.05, KpiStatus.Alert)]
    public void At_least_rules_are_ok_at_the_bound_and_alert_below_the_watch_bound(double value, KpiStatus expected) =>
        Assert.Equal(expected, KpiRule.AtLeast(0.25, 0.10, KpiUnit.Percent).Evaluate(value, null));

    [Theory]
    [InlineData(0.02, KpiStatus.Ok)]
    [InlineData(0.04, KpiStatus.Watch)]
    [InlineData(0.06, KpiStatus.Alert)]
    public void At_most_rules_are_ok_at_the_bound_and_alert_past_the_watch_bound(double value, KpiStatus expected) =>
        Assert.Equal(expected, KpiRule.AtMost(0.02, 0.05, KpiUnit.Percent).Evaluate(value, null));

    [Theory]
    [InlineData(10, 10, KpiStatus.Ok)]
    [InlineData(40, 45, KpiStatus.Ok)]
    [InlineData(40, 65, KpiStatus.Watch)]
    [InlineData(40, 90, KpiStatus.Alert)]
    [InlineData(0, 15, KpiStatus.Ok)]
    [InlineData(0, 41, KpiStatus.Alert)]
    public void A_report_rate_spike_against_the_previous_period_is_watched_then_alerts(double previous, double value, KpiStatus expected) =>
        Assert.Equal(expected, Assert.Single(KpiCatalog.All, k => k.Id == "report-rate").Rule.Evaluate(value, previous));

    [Fact]
    public void A_trend_target_without_a_previous_period_is_not_judged() =>
        Assert.Equal(KpiStatus.NoData, Assert.Single(KpiCatalog.All, k => k.Id == "escalation").Rule.Evaluate(0.9, null));

    [Fact]
    public void A_measure_with_nothing_to_divide_by_has_no_data_rather_than_zero()
    {
        var empty = new InsightsWindow(Core.Insights.Data.InsightsData.Empty, new HashSet<string>());

        Assert.All(KpiCatalog.All, kpi => Assert.Null(kpi.Compute(empty)));
        Assert.Equal(KpiStatus.NoData, KpiCatalog.All[0].Rule.Evaluate(null, 0.5));
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0.95, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2)]
    [InlineData(new double[] { 4, 3, 2, 1 }, 0.75, 3)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, 0.95, 19)]
    public void Percentiles_are_nearest_rank(double[] values, double p, double expected) =>
        Assert.Equal(expected, KpiFormulas.Percentile(values, p));
}
