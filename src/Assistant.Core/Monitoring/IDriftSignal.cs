namespace Assistant.Core.Monitoring;

/// <summary>One window's query-mix divergence from the reference window.</summary>
public sealed record DriftReading(string Window, double Divergence);

/// <summary>
/// Where <see cref="ProductMetrics"/> reads query drift from when Prometheus scrapes: the dashboard's drift analysis
/// registers one. It is read on the scrape thread, so it returns the last computed figures and never queries the
/// database itself. With none registered the gauge reports nothing (and the drift alert stays silent).
/// </summary>
public interface IDriftSignal
{
    IEnumerable<DriftReading> QueryDivergence();
}
