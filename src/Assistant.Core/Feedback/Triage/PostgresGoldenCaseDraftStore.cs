using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Feedback.Triage;

/// <summary>Golden-case drafts in the PostgreSQL database replicas share; the same contract and columns as <see cref="SqliteGoldenCaseDraftStore"/>.</summary>
public sealed class PostgresGoldenCaseDraftStore(PostgresDatabase database) : IGoldenCaseDraftStore
{
    private const string Columns = "id, feedback_id, question, expected_articles, facts, expect_decline, notes, written_by, status, created_at";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS golden_case_drafts (
            id                text PRIMARY KEY,
            feedback_id       text NOT NULL UNIQUE,
            question          text NOT NULL,
            expected_articles jsonb NOT NULL,
            facts             jsonb NOT NULL,
            expect_decline    boolean NOT NULL,
            notes             text,
            written_by        text NOT NULL,
            status            text NOT NULL,
            created_at        timestamptz NOT NULL
        );
        """);

    public async Task<GoldenCaseDraft> SaveAsync(string feedbackId, GoldenCaseRequest request, string writtenBy, CancellationToken cancellationToken = default)
    {
        if (request.Validate().FirstOrDefault() is { Key: { } field, Value: { } messages })
        {
            throw new InvalidTriageException(field, messages[0]);
        }
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // A rewrite goes back to pending: the exported version is no longer what the person wrote.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO golden_case_drafts({Columns})
            VALUES(@id, @feedback, @question, @articles, @facts, @decline, @notes, @by, 'pending', @now)
            ON CONFLICT(feedback_id) DO UPDATE SET
                question = excluded.question, expected_articles = excluded.expected_articles, facts = excluded.facts,
                expect_decline = excluded.expect_decline, notes = excluded.notes, written_by = excluded.written_by,
                status = 'pending'
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Ids.New("golden"));
        command.Parameters.AddWithValue("feedback", feedbackId);
        command.Parameters.AddWithValue("question", request.Question!.Trim());
        command.Parameters.AddWithValue("articles", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(request.CleanArticles, StoredJsonOptions.Default));
        command.Parameters.AddWithValue("facts", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(request.CleanFacts, StoredJsonOptions.Default));
        command.Parameters.AddWithValue("decline", request.ExpectDecline);
        command.Parameters.AddWithValue("notes", NpgsqlDbType.Text, string.IsNullOrWhiteSpace(request.Notes) ? DBNull.Value : request.Notes.Trim());
        command.Parameters.AddWithValue("by", writtenBy);
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<IReadOnlyList<GoldenCaseDraft>> ListAsync(string? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM golden_case_drafts WHERE @status IS NULL OR status = @status ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var drafts = new List<GoldenCaseDraft>();
        while (await reader.ReadAsync(cancellationToken))
        {
            drafts.Add(Read(reader));
        }
        return drafts;
    }

    public async Task MarkExportedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE golden_case_drafts SET status = 'exported' WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static GoldenCaseDraft Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        JsonSerializer.Deserialize<string[]>(reader.GetString(3), StoredJsonOptions.Default) ?? [],
        JsonSerializer.Deserialize<string[]>(reader.GetString(4), StoredJsonOptions.Default) ?? [],
        reader.GetBoolean(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetFieldValue<DateTimeOffset>(9));
}
