namespace Assistant.Core.Insights.Data;

/// <summary>Reads the stored facts the dashboard computes from, on SQLite or PostgreSQL (the same facts from either).</summary>
public interface IInsightsSource
{
    /// <summary>Facts of the period from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    Task<InsightsData> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
