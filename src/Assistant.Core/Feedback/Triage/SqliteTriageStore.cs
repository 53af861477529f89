using System.Globalization;
using System.Text.Json;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// The triage label sits in its own table beside feedback (one row per feedback); the status stays in the feedback
/// row, so a user changing their rating sends it back to new without this store knowing.
/// </summary>
public sealed class SqliteTriageStore(SqliteDatabase database) : ITriageStore
{
    private const string Select = """
        SELECT f.id, f.trace_id, f.user_id, f.rating, f.categories, f.comment, f.status, f.created_at, f.updated_at,
               t.cause, t.note, t.triaged_by, t.triaged_at
        FROM feedback f LEFT JOIN feedback_triage t ON t.feedback_id = f.id
        WHERE f.rating = 'down'
        """;

    private readonly StoreSchema _schema = database.Schema(SqliteFeedbackStore.Ddl + """
        CREATE TABLE IF NOT EXISTS feedback_triage (
            feedback_id TEXT PRIMARY KEY REFERENCES feedback(id),
            cause       TEXT NOT NULL,
            note        TEXT,
            triaged_by  TEXT NOT NULL,
            triaged_at  TEXT NOT NULL
        );
        """);

    public Task<IReadOnlyList<TriageItem>> ListAsync(TriageFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filter.Limit);
        // Categories are a JSON array; json_each keeps the match exact ("other" never matches "another").
        return QueryAsync($"""
            {Select}
              AND ($status IS NULL OR f.status = $status)
              AND ($cause IS NULL OR t.cause = $cause)
              AND ($category IS NULL OR EXISTS (SELECT 1 FROM json_each(f.categories) WHERE value = $category))
              AND ($from IS NULL OR f.updated_at >= $from)
              AND ($to IS NULL OR f.updated_at < $to)
            ORDER BY f.updated_at DESC, f.id DESC LIMIT $limit
            """,
            [("$status", filter.Status), ("$cause", filter.Cause), ("$category", filter.Category),
             ("$from", filter.From?.ToUniversalTime().ToString("O")), ("$to", filter.To?.ToUniversalTime().ToString("O")), ("$limit", filter.Limit)],
            cancellationToken);
    }

    public async Task<TriageItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"{Select} AND f.id = $id", [("$id", feedbackId)], cancellationToken)).SingleOrDefault();

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
        await using (var turn = await database.OpenWriterAsync(_schema, cancellationToken))
        {
            await using var transaction = turn.Connection.BeginTransaction();
            await using var command = turn.Connection.CreateCommand();
            command.Transaction = transaction;
            // The status guard makes a concurrent change (another agent, or the user re-rating) lose cleanly.
            command.CommandText = """
                UPDATE feedback SET status = $to WHERE id = $id AND status = $from;
                INSERT INTO feedback_triage(feedback_id, cause, note, triaged_by, triaged_at)
                SELECT $id, $cause, $note, $agent, $now WHERE changes() = 1
                ON CONFLICT(feedback_id) DO UPDATE SET
                    cause = excluded.cause, note = excluded.note, triaged_by = excluded.triaged_by, triaged_at = excluded.triaged_at;
                """;
            command.Parameters.AddWithValue("$id", feedbackId);
            command.Parameters.AddWithValue("$from", current.Status);
            command.Parameters.AddWithValue("$to", update.Status);
            command.Parameters.AddWithValue("$cause", update.Cause);
            command.Parameters.AddWithValue("$note", string.IsNullOrWhiteSpace(update.Note) ? DBNull.Value : update.Note);
            command.Parameters.AddWithValue("$agent", agent);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
            var changed = await command.ExecuteNonQueryAsync(cancellationToken);
            if (changed < 2)
            {
                throw new InvalidTriageException("status", "The feedback changed while you were triaging it; reload and try again.");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return await GetAsync(feedbackId, cancellationToken);
    }

    public async Task<IReadOnlyList<CauseCount>> CountByCauseAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        // A rating sent back to new by its user counts as untriaged again, whatever its old label.
        command.CommandText = """
            SELECT CASE WHEN f.status = 'new' THEN NULL ELSE t.cause END AS cause, COUNT(*)
            FROM feedback f LEFT JOIN feedback_triage t ON t.feedback_id = f.id
            WHERE f.rating = 'down'
            GROUP BY 1 ORDER BY 2 DESC, 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<CauseCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new CauseCount(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1)));
        }
        return counts;
    }

    private async Task<IReadOnlyList<TriageItem>> QueryAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<TriageItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }
        return items;
    }

    private static TriageItem Read(SqliteDataReader reader) => new(
        new Feedback(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            JsonSerializer.Deserialize<string[]>(reader.GetString(4), StoredJsonOptions.Default) ?? [],
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
            DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture)),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.IsDBNull(12) ? null : DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture));
}
