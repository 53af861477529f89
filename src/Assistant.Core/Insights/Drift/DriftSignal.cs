using System.Runtime.CompilerServices;
using Assistant.Core.Insights.Data;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Insights.Drift;

/// <summary>
/// Holds the query-mix divergence of the most recent window; <see cref="RefreshAsync"/> recomputes it (the web app calls
/// it on a timer), so readers get the last value at no cost: monitoring's gauge
/// <c>assistant.drift.query_divergence</c> reads it on every scrape, labelled with the window ("7d" against the 7 days
/// before).
/// </summary>
public sealed class DriftSignal(IInsightsSource source, DriftAnalyzer analyzer, IOptions<InsightsOptions> options, TimeProvider time)
    : Monitoring.IDriftSignal
{
    // A double? is not read and written atomically; a reference to a box is.
    private volatile StrongBox<double>? _divergence;

    /// <summary>
    /// Jensen–Shannon divergence (bits, 0..1) between the terms of the last <see cref="InsightsOptions.DriftWindowDays"/>
    /// days' questions and the days before them; null until computed or when either period has no questions.
    /// </summary>
    public double? Divergence => _divergence?.Value;

    public IEnumerable<Monitoring.DriftReading> QueryDivergence() =>
        Divergence is { } divergence ? [new($"{options.Value.DriftWindowDays}d", divergence)] : [];

    public DateTimeOffset? RefreshedAt { get; private set; }

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var window = TimeSpan.FromDays(options.Value.DriftWindowDays);
        var data = await source.ReadAsync(now - window - window, now, cancellationToken);
        var all = new InsightsWindow(data, new HashSet<string>());
        var divergence = analyzer.QueryDivergence(all.Slice(now - window, now), all.Slice(now - window - window, now - window));
        _divergence = divergence is { } d ? new StrongBox<double>(d) : null;
        RefreshedAt = now;
    }
}
