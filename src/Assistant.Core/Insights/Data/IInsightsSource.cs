namespace Assistant.Core.Insights.Data;

/// <summary>Reads the stored facts the dashboard computes from. SQLite today; a PostgreSQL source implements the same.</summary>
public interface IInsightsSource
{
    /// <summary>Facts of the period from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    Task<InsightsData> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
