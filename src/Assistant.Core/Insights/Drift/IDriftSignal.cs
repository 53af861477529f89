namespace Assistant.Core.Insights.Drift;

/// <summary>
/// The latest drift reading, for monitoring to export as a gauge without querying the database on every scrape.
/// </summary>
public interface IDriftSignal
{
    /// <summary>
    /// Jensen–Shannon divergence (bits, 0..1) between the terms of the last <see cref="InsightsOptions.DriftWindowDays"/>
    /// days' questions and the days before them; null until computed or when either period has no questions.
    /// </summary>
    double? QueryDivergence { get; }
}
