namespace Assistant.Core.Insights.Data;

/// <summary>
/// The SQL the PostgreSQL source runs: <see cref="InsightsQueries"/> over the same tables, with times as timestamptz
/// (UTC instants, so a period's bounds and the C# day buckets mean what they mean on SQLite) and through the same
/// time indexes.
/// </summary>
internal static class PostgresInsightsQueries
{
    // to_regclass is null for a table no store has created yet, without creating or locking anything.
    public const string Tables = """
        SELECT name FROM unnest(ARRAY['traces', 'feedback', 'handoffs', 'pending_actions']) AS name
        WHERE to_regclass(name) IS NOT NULL
        """;

    public const string Answers = "SELECT json FROM traces WHERE created_at >= @from AND created_at < @to ORDER BY created_at";

    // Feedback belongs to the period of the answer it rates, whenever it was given.
    public const string Feedback = """
        SELECT f.trace_id, f.rating, f.categories
        FROM traces t JOIN feedback f ON f.trace_id = t.id
        WHERE t.created_at >= @from AND t.created_at < @to
        """;

    public const string Handoffs = "SELECT conversation_id, created_at FROM handoffs WHERE created_at >= @from AND created_at < @to";

    public const string Actions = "SELECT id, status, created_at FROM pending_actions WHERE created_at >= @from AND created_at < @to";
}
