using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Assistant.Core.Budgets;
using Xunit;

namespace Assistant.Core.Tests.Budgets;

/// <summary>The Assistant.Budgets meter: instrument names and tags the Prometheus rules rely on.</summary>
public sealed class BudgetMetricsTests
{
    [Fact]
    public void Spend_crossings_utilization_and_remaining_are_reported_with_scope_tags()
    {
        using var metrics = new BudgetMetrics();
        var seen = new ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BudgetMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Add((instrument.Name, value, new(tags.ToArray()))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => seen.Add((instrument.Name, value, new(tags.ToArray()))));
        listener.Start();

        // A key no other test uses: the meter name is shared by every BudgetMetrics in the process.
        metrics.Record([new BudgetUsage("global-daily", BudgetKinds.Global, "metrics-test", "2026-12-01", 10m, 7.5m, 0.5m)]);
        metrics.Spent(BudgetKinds.Global, "metrics-test", 0.25m);
        metrics.Crossed(new BudgetEvent("e", DateTimeOffset.UtcNow, "global-daily", BudgetKinds.Global, "metrics-test", "2026-12-01", BudgetLevels.Soft, 10m, 8m));
        listener.RecordObservableInstruments();

        Assert.Contains(seen, m => m is { Name: "assistant.budget.utilization", Value: 0.8 } && (string?)m.Tags["scope"] == "global" && (string?)m.Tags["key"] == "metrics-test");
        Assert.Contains(seen, m => m is { Name: "assistant.budget.remaining_usd", Value: 2 } && (string?)m.Tags["key"] == "metrics-test");
        Assert.Contains(seen, m => m is { Name: "assistant.budget.spend_usd", Value: 0.25 } && (string?)m.Tags["scope"] == "global" && (string?)m.Tags["feature"] == "metrics-test");
        Assert.Contains(seen, m => m is { Name: "assistant.budget.threshold_crossings", Value: 1 } && (string?)m.Tags["scope"] == "global" && (string?)m.Tags["level"] == "soft");
    }
}
