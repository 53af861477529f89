using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>Clearances in the PostgreSQL database replicas share; the same contract and columns as <see cref="SqliteFlagReviewStore"/>.</summary>
public sealed class PostgresFlagReviewStore(PostgresDatabase database) : IFlagReviewStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS content_flag_reviews (
            document_id text NOT NULL,
            flag_hash   text NOT NULL,
            cleared_by  text NOT NULL,
            cleared_at  timestamptz NOT NULL,
            note        text,
            PRIMARY KEY (document_id, flag_hash)
        );
        """);

    public async Task<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> GetClearedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT document_id, flag_hash, cleared_by, cleared_at, note FROM content_flag_reviews", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reviews = new Dictionary<(string, string), FlagReview>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var review = new FlagReview(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            reviews[(review.DocumentId, review.Hash)] = review;
        }
        return reviews;
    }

    public async Task<FlagReview> ClearAsync(string documentId, string hash, string clearedBy, string? note, CancellationToken cancellationToken = default)
    {
        var review = new FlagReview(documentId, hash, clearedBy, DateTimeOffset.UtcNow, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO content_flag_reviews(document_id, flag_hash, cleared_by, cleared_at, note)
            VALUES(@doc, @hash, @by, @at, @note)
            ON CONFLICT(document_id, flag_hash) DO UPDATE SET cleared_by = excluded.cleared_by, cleared_at = excluded.cleared_at, note = excluded.note
            """, connection);
        command.Parameters.AddWithValue("doc", documentId);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("by", clearedBy);
        command.Parameters.AddWithValue("at", review.ClearedAt);
        command.Parameters.AddWithValue("note", NpgsqlDbType.Text, (object?)review.Note ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return review;
    }
}
