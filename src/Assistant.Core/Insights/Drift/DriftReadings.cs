using Microsoft.Extensions.Options;

namespace Assistant.Core.Insights.Drift;

/// <summary>
/// The dashboard's drift signal as monitoring reads it: the gauge <c>assistant.drift.query_divergence</c>, labelled
/// with the window it compares ("7d" against the 7 days before), and nothing while there is no figure.
/// </summary>
public sealed class DriftReadings(IDriftSignal signal, IOptions<InsightsOptions> options) : Monitoring.IDriftSignal
{
    public IEnumerable<Monitoring.DriftReading> QueryDivergence() =>
        signal.QueryDivergence is { } divergence ? [new($"{options.Value.DriftWindowDays}d", divergence)] : [];
}
