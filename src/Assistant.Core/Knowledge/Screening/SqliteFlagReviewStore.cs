using Assistant.Core.Storage;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>Clearances in the assistant's SQLite file.</summary>
public sealed class SqliteFlagReviewStore(SqliteDatabase database) : IFlagReviewStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS content_flag_reviews (
            document_id TEXT NOT NULL,
            flag_hash   TEXT NOT NULL,
            cleared_by  TEXT NOT NULL,
            cleared_at  TEXT NOT NULL,
            note        TEXT,
            PRIMARY KEY (document_id, flag_hash)
        );
        """);

    public async Task<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> GetClearedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document_id, flag_hash, cleared_by, cleared_at, note FROM content_flag_reviews";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reviews = new Dictionary<(string, string), FlagReview>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var review = new FlagReview(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(4) ? null : reader.GetString(4));
            reviews[(review.DocumentId, review.Hash)] = review;
        }
        return reviews;
    }

    public async Task<FlagReview> ClearAsync(string documentId, string hash, string clearedBy, string? note, CancellationToken cancellationToken = default)
    {
        var review = new FlagReview(documentId, hash, clearedBy, DateTimeOffset.UtcNow, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        await using var turn = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = turn.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO content_flag_reviews(document_id, flag_hash, cleared_by, cleared_at, note)
            VALUES($doc, $hash, $by, $at, $note)
            ON CONFLICT(document_id, flag_hash) DO UPDATE SET cleared_by = $by, cleared_at = $at, note = $note
            """;
        command.Parameters.AddWithValue("$doc", documentId);
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$by", clearedBy);
        command.Parameters.AddWithValue("$at", review.ClearedAt.ToString("O"));
        command.Parameters.AddWithValue("$note", (object?)review.Note ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return review;
    }
}
