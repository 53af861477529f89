using System.Text.Json;
using Assistant.Core.Monitoring;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Feedback;

/// <summary>Feedback in the PostgreSQL database replicas share; the same contract and columns as <see cref="SqliteFeedbackStore"/>.</summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database, ProductMetrics? metrics = null) : IFeedbackStore
{
    private const string Columns = "id, trace_id, user_id, rating, categories, comment, status, created_at, updated_at";

    /// <summary>The feedback table's DDL; the triage store creates it too, since it joins it (idempotent).</summary>
    internal const string Ddl = """
        CREATE TABLE IF NOT EXISTS feedback (
            id         text PRIMARY KEY,
            trace_id   text NOT NULL,
            user_id    text NOT NULL,
            rating     text NOT NULL,
            categories jsonb NOT NULL,
            comment    text,
            status     text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            UNIQUE (trace_id, user_id)
        );
        CREATE INDEX IF NOT EXISTS ix_feedback_status_updated ON feedback(status, updated_at);
        """;

    private readonly StoreSchema _schema = database.Schema(Ddl);

    public async Task<Feedback> SaveAsync(string traceId, string userId, FeedbackSubmission submission, CancellationToken cancellationToken = default)
    {
        var errors = submission.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "Invalid feedback: " + string.Join(" ", errors.SelectMany(pair => pair.Value)), nameof(submission));
        }
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // One statement, so two replicas saving the same user's rating at once end in one row (the unique key), the
        // later rating winning. A changed rating goes back to "new": what an agent triaged is no longer what the user says.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO feedback({Columns})
            VALUES(@id, @trace, @user, @rating, @categories, @comment, @status, @now, @now)
            ON CONFLICT(trace_id, user_id) DO UPDATE SET
                rating = excluded.rating,
                categories = excluded.categories,
                comment = excluded.comment,
                status = excluded.status,
                updated_at = excluded.updated_at
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Ids.New("feedback"));
        command.Parameters.AddWithValue("trace", traceId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("rating", submission.Rating!);
        command.Parameters.AddWithValue("categories", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(submission.DistinctCategories, StoredJsonOptions.Default));
        command.Parameters.AddWithValue("comment", NpgsqlDbType.Text, string.IsNullOrWhiteSpace(submission.Comment) ? DBNull.Value : submission.Comment);
        command.Parameters.AddWithValue("status", Feedback.NewStatus);
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var saved = Read(reader);
        metrics?.FeedbackSaved(submission.Rating!, submission.DistinctCategories);
        return saved;
    }

    public async Task<Feedback?> GetAsync(string traceId, string userId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM feedback WHERE trace_id = @trace AND user_id = @user",
            [new("trace", traceId), new("user", userId)], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Feedback>> ListAsync(string? status = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryAsync(
            $"SELECT {Columns} FROM feedback WHERE @status IS NULL OR status = @status ORDER BY updated_at DESC, id DESC LIMIT @limit",
            [new("status", NpgsqlDbType.Text) { Value = (object?)status ?? DBNull.Value }, new("limit", limit)], cancellationToken);
    }

    private async Task<IReadOnlyList<Feedback>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var feedback = new List<Feedback>();
        while (await reader.ReadAsync(cancellationToken))
        {
            feedback.Add(Read(reader));
        }
        return feedback;
    }

    /// <summary>Reads the nine <see cref="Columns"/>, first in the row; the triage store reads its rows' feedback with it too.</summary>
    internal static Feedback Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        JsonSerializer.Deserialize<string[]>(reader.GetString(4), StoredJsonOptions.Default) ?? [],
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8));
}
