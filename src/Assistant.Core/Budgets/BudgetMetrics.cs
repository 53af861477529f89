using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Assistant.Core.Budgets;

/// <summary>
/// The budget instruments, under the meter <see cref="MeterName"/>. Tags: <c>scope</c> is the kind of account
/// (user, feature, global), <c>key</c> the account (a username, a feature, "all"). No unit is given to any instrument,
/// so the Prometheus names stay exactly these. The gauges report the last usage seen per account, never reading
/// the database while being scraped.
/// </summary>
public sealed class BudgetMetrics : IDisposable
{
    public const string MeterName = "Assistant.Budgets";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<double> _spend;
    private readonly Counter<long> _crossings;
    private readonly ConcurrentDictionary<(string Kind, string Key), BudgetUsage> _latest = new();

    public BudgetMetrics()
    {
        _spend = _meter.CreateCounter<double>("assistant.budget.spend_usd", description: "Settled model spend in US dollars.");
        _crossings = _meter.CreateCounter<long>("assistant.budget.threshold_crossings", description: "Accounts that crossed their soft threshold or reached their limit.");
        _meter.CreateObservableGauge("assistant.budget.utilization", () => Observe(usage => usage.Utilization),
            description: "Share of the limit used (spent plus reserved), 0 to 1.");
        _meter.CreateObservableGauge("assistant.budget.remaining_usd", () => Observe(usage => (double)usage.Remaining),
            description: "US dollars left before the limit.");
    }

    /// <summary>Remembers each account's latest usage; a new period replaces the old one's.</summary>
    public void Record(IEnumerable<BudgetUsage> usages)
    {
        foreach (var usage in usages)
        {
            _latest.AddOrUpdate((usage.Kind, usage.Key), usage,
                (_, previous) => string.CompareOrdinal(usage.Period, previous.Period) >= 0 ? usage : previous);
        }
    }

    public void Spent(string kind, string feature, decimal usd)
    {
        if (usd > 0)
        {
            _spend.Add((double)usd, new TagList { { "scope", kind }, { "feature", feature } });
        }
    }

    public void Crossed(BudgetEvent crossing) =>
        _crossings.Add(1, new TagList { { "scope", crossing.Kind }, { "level", crossing.Level } });

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Observe(Func<BudgetUsage, double> value) =>
        _latest.Values.Select(usage => new Measurement<double>(value(usage), new TagList { { "scope", usage.Kind }, { "key", usage.Key } }));
}
