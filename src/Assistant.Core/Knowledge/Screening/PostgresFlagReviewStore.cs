using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// Clearances in the PostgreSQL database replicas share. Every answer reads them, so they are held in memory and read
/// again every couple of seconds: a clearance made on another replica is in force here within that time.
/// </summary>
public sealed class PostgresFlagReviewStore : IFlagReviewStore
{
    // Clearing a flag is a rare admin action; the index watch polls at the same pace (Assistant:IndexWatch:PollSeconds).
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    private readonly PostgresDatabase _database;
    private readonly StoreSchema _schema;
    private readonly PolledState<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> _cleared;

    public PostgresFlagReviewStore(PostgresDatabase database, TimeProvider? clock = null)
    {
        _database = database;
        _schema = database.Schema("""
            CREATE TABLE IF NOT EXISTS content_flag_reviews (
                document_id text NOT NULL,
                flag_hash   text NOT NULL,
                cleared_by  text NOT NULL,
                cleared_at  timestamptz NOT NULL,
                note        text,
                PRIMARY KEY (document_id, flag_hash)
            );
            """);
        _cleared = new(LoadAsync, () => Refresh, clock ?? TimeProvider.System);
    }

    public async Task<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> GetClearedAsync(CancellationToken cancellationToken = default) =>
        await _cleared.CurrentAsync(cancellationToken);

    public async Task<FlagReview> ClearAsync(string documentId, string hash, string clearedBy, string? note, CancellationToken cancellationToken = default)
    {
        var review = new FlagReview(documentId, hash, clearedBy, DateTimeOffset.UtcNow, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        await using (var connection = await _database.OpenAsync(_schema, cancellationToken))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO content_flag_reviews(document_id, flag_hash, cleared_by, cleared_at, note)
                VALUES(@doc, @hash, @by, @at, @note)
                ON CONFLICT (document_id, flag_hash) DO UPDATE SET cleared_by = @by, cleared_at = @at, note = @note
                """, connection);
            command.Parameters.AddWithValue("doc", documentId);
            command.Parameters.AddWithValue("hash", hash);
            command.Parameters.AddWithValue("by", clearedBy);
            command.Parameters.AddWithValue("at", review.ClearedAt.ToUniversalTime());
            command.Parameters.AddWithValue("note", (object?)review.Note ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        // In force here at once; other replicas see it at their next read.
        _cleared.Hold(await LoadAsync(cancellationToken));
        return review;
    }

    private async Task<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
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
}
