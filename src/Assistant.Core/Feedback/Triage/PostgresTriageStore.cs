using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Feedback.Triage;

/// <summary>The triage queue in the PostgreSQL database replicas share; the same contract and tables as <see cref="SqliteTriageStore"/>.</summary>
public sealed class PostgresTriageStore(PostgresDatabase database) : ITriageStore
{
    private const string Select = """
        SELECT f.id, f.trace_id, f.user_id, f.rating, f.categories, f.comment, f.status, f.created_at, f.updated_at,
               t.cause, t.note, t.triaged_by, t.triaged_at
        FROM feedback f LEFT JOIN feedback_triage t ON t.feedback_id = f.id
        WHERE f.rating = 'down'
        """;

    private readonly StoreSchema _schema = database.Schema(PostgresFeedbackStore.Ddl + """
        CREATE TABLE IF NOT EXISTS feedback_triage (
            feedback_id text PRIMARY KEY REFERENCES feedback(id),
            cause       text NOT NULL,
            note        text,
            triaged_by  text NOT NULL,
            triaged_at  timestamptz NOT NULL
        );
        """);

    public Task<IReadOnlyList<TriageItem>> ListAsync(TriageFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filter.Limit);
        // Containment of a one-element array keeps the category match exact ("other" never matches "another").
        return QueryAsync($"""
            {Select}
              AND (@status IS NULL OR f.status = @status)
              AND (@cause IS NULL OR t.cause = @cause)
              AND (@category IS NULL OR f.categories @> jsonb_build_array(@category))
              AND (@from IS NULL OR f.updated_at >= @from)
              AND (@to IS NULL OR f.updated_at < @to)
            ORDER BY f.updated_at DESC, f.id DESC LIMIT @limit
            """,
            [Text("status", filter.Status), Text("cause", filter.Cause), Text("category", filter.Category),
             Time("from", filter.From), Time("to", filter.To), new("limit", filter.Limit)],
            cancellationToken);
    }

    public async Task<TriageItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"{Select} AND f.id = @id", [new("id", feedbackId)], cancellationToken)).SingleOrDefault();

    public async Task<TriageItem?> TriageAsync(string feedbackId, TriageUpdate update, string agent, CancellationToken cancellationToken = default)
    {
        if (update.Validate().FirstOrDefault() is { Key: { } field, Value: { } messages })
        {
            throw new InvalidTriageException(field, messages[0]);
        }
        if (await GetAsync(feedbackId, cancellationToken) is not { } current)
        {
            return null;
        }
        if (!TriageStatus.CanMove(current.Status, update.Status!))
        {
            throw new InvalidTriageException("status", $"Feedback that is '{current.Status}' cannot be moved to '{update.Status}'.");
        }
        await using (var connection = await database.OpenAsync(_schema, cancellationToken))
        {
            // One statement: the label is written only when the status guard matched, so a concurrent change (another
            // agent on any replica, or the user re-rating) makes this one lose cleanly. The row lock orders the two.
            await using var command = new NpgsqlCommand("""
                WITH moved AS (UPDATE feedback SET status = @to WHERE id = @id AND status = @from RETURNING id)
                INSERT INTO feedback_triage(feedback_id, cause, note, triaged_by, triaged_at)
                SELECT id, @cause, @note, @agent, @now FROM moved
                ON CONFLICT(feedback_id) DO UPDATE SET
                    cause = excluded.cause, note = excluded.note, triaged_by = excluded.triaged_by, triaged_at = excluded.triaged_at
                """, connection);
            command.Parameters.AddWithValue("id", feedbackId);
            command.Parameters.AddWithValue("from", current.Status);
            command.Parameters.AddWithValue("to", update.Status!);
            command.Parameters.AddWithValue("cause", update.Cause!);
            command.Parameters.Add(Text("note", string.IsNullOrWhiteSpace(update.Note) ? null : update.Note));
            command.Parameters.AddWithValue("agent", agent);
            command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new InvalidTriageException("status", "The feedback changed while you were triaging it; reload and try again.");
            }
        }
        return await GetAsync(feedbackId, cancellationToken);
    }

    public async Task<IReadOnlyList<CauseCount>> CountByCauseAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // A rating sent back to new by its user counts as untriaged again, whatever its old label.
        await using var command = new NpgsqlCommand("""
            SELECT CASE WHEN f.status = 'new' THEN NULL ELSE t.cause END AS cause, COUNT(*)
            FROM feedback f LEFT JOIN feedback_triage t ON t.feedback_id = f.id
            WHERE f.rating = 'down'
            GROUP BY 1 ORDER BY 2 DESC, 1 NULLS FIRST
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<CauseCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new CauseCount(reader.IsDBNull(0) ? null : reader.GetString(0), (int)reader.GetInt64(1)));
        }
        return counts;
    }

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value?.ToUniversalTime() ?? DBNull.Value };

    private async Task<IReadOnlyList<TriageItem>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<TriageItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new TriageItem(
                PostgresFeedbackStore.Read(reader),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12)));
        }
        return items;
    }
}
