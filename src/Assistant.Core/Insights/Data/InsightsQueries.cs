namespace Assistant.Core.Insights.Data;

/// <summary>
/// The SQL the SQLite source runs, over the tables the feature stores own. Each query uses an index on its time column
/// (traces, handoffs and pending actions by created_at) or on the trace id (feedback), so a week's dashboard reads
/// only that week's rows. Times are stored as ISO 8601 in UTC, so text order is time order.
/// </summary>
internal static class InsightsQueries
{
    public const string Tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('traces', 'feedback', 'handoffs', 'pending_actions')";

    public const string Answers = "SELECT json FROM traces WHERE created_at >= $from AND created_at < $to ORDER BY created_at";

    // Feedback belongs to the period of the answer it rates, whenever it was given: a late thumbs-down still counts
    // against the answer that earned it.
    public const string Feedback = """
        SELECT f.trace_id, f.rating, f.categories
        FROM traces t JOIN feedback f ON f.trace_id = t.id
        WHERE t.created_at >= $from AND t.created_at < $to
        """;

    public const string Handoffs = "SELECT conversation_id, created_at FROM handoffs WHERE created_at >= $from AND created_at < $to";

    public const string Actions = "SELECT id, status, created_at FROM pending_actions WHERE created_at >= $from AND created_at < $to";
}
