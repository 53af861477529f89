using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>Clearances in the assistant's SQLite file, read once and then served from memory.</summary>
public sealed class SqliteFlagReviewStore : IFlagReviewStore
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS content_flag_reviews (
            document_id TEXT NOT NULL,
            flag_hash   TEXT NOT NULL,
            cleared_by  TEXT NOT NULL,
            cleared_at  TEXT NOT NULL,
            note        TEXT,
            PRIMARY KEY (document_id, flag_hash)
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly StoreSchema _schema;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<(string, string), FlagReview>? _cache;

    public SqliteFlagReviewStore(SqliteDatabase database)
    {
        _database = database;
        _schema = database.Schema(Ddl);
    }

    public async Task<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> GetClearedAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _cache) is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _cache ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<FlagReview> ClearAsync(string documentId, string hash, string clearedBy, string? note, CancellationToken cancellationToken = default)
    {
        var review = new FlagReview(documentId, hash, clearedBy, DateTimeOffset.UtcNow, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(_schema, cancellationToken);
            await using var command = connection.CreateCommand();
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
            // Copy on write: readers hold the previous dictionary without locks.
            var updated = new Dictionary<(string, string), FlagReview>(_cache ?? await LoadAsync(cancellationToken)) { [(documentId, hash)] = review };
            Volatile.Write(ref _cache, updated);
            return review;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<(string, string), FlagReview>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
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
}
