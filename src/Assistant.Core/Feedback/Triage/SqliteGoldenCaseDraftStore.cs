using System.Globalization;
using System.Text.Json;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Feedback.Triage;

public sealed class SqliteGoldenCaseDraftStore(SqliteDatabase database) : IGoldenCaseDraftStore
{
    private const string Columns = "id, feedback_id, question, expected_articles, facts, expect_decline, notes, written_by, status, created_at";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS golden_case_drafts (
            id                TEXT PRIMARY KEY,
            feedback_id       TEXT NOT NULL UNIQUE,
            question          TEXT NOT NULL,
            expected_articles TEXT NOT NULL,
            facts             TEXT NOT NULL,
            expect_decline    INTEGER NOT NULL,
            notes             TEXT,
            written_by        TEXT NOT NULL,
            status            TEXT NOT NULL,
            created_at        TEXT NOT NULL
        );
        """);

    public async Task<GoldenCaseDraft> SaveAsync(string feedbackId, GoldenCaseRequest request, string writtenBy, CancellationToken cancellationToken = default)
    {
        if (request.Validate().FirstOrDefault() is { Key: { } field, Value: { } messages })
        {
            throw new InvalidTriageException(field, messages[0]);
        }
        await using var turn = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = turn.Connection.CreateCommand();
        // A rewrite goes back to pending: the exported version is no longer what the person wrote.
        command.CommandText = $"""
            INSERT INTO golden_case_drafts({Columns})
            VALUES($id, $feedback, $question, $articles, $facts, $decline, $notes, $by, 'pending', $now)
            ON CONFLICT(feedback_id) DO UPDATE SET
                question = excluded.question, expected_articles = excluded.expected_articles, facts = excluded.facts,
                expect_decline = excluded.expect_decline, notes = excluded.notes, written_by = excluded.written_by,
                status = 'pending'
            RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$id", Ids.New("golden"));
        command.Parameters.AddWithValue("$feedback", feedbackId);
        command.Parameters.AddWithValue("$question", request.Question!.Trim());
        command.Parameters.AddWithValue("$articles", JsonSerializer.Serialize(request.CleanArticles, StoredJsonOptions.Default));
        command.Parameters.AddWithValue("$facts", JsonSerializer.Serialize(request.CleanFacts, StoredJsonOptions.Default));
        command.Parameters.AddWithValue("$decline", request.ExpectDecline ? 1 : 0);
        command.Parameters.AddWithValue("$notes", string.IsNullOrWhiteSpace(request.Notes) ? DBNull.Value : request.Notes.Trim());
        command.Parameters.AddWithValue("$by", writtenBy);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<IReadOnlyList<GoldenCaseDraft>> ListAsync(string? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM golden_case_drafts WHERE $status IS NULL OR status = $status ORDER BY created_at, id";
        command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
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
        await using var turn = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = turn.Connection.CreateCommand();
        command.CommandText = "UPDATE golden_case_drafts SET status = 'exported' WHERE id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static GoldenCaseDraft Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        JsonSerializer.Deserialize<string[]>(reader.GetString(3), StoredJsonOptions.Default) ?? [],
        JsonSerializer.Deserialize<string[]>(reader.GetString(4), StoredJsonOptions.Default) ?? [],
        reader.GetInt64(5) == 1,
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture));
}
