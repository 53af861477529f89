using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Storage;

/// <summary>
/// The knowledge index in the PostgreSQL database replicas share; the same contract as <see cref="SqliteKnowledgeStore"/>.
/// Every replica builds its in-memory snapshot from here, and only from committed batches.
/// </summary>
public sealed class PostgresKnowledgeStore(PostgresDatabase database) : IKnowledgeStore
{
    private readonly StoreSchema _schema = database.Schema(PostgresKnowledgeSchema.Ddl);

    public async Task<IReadOnlyDictionary<string, DocumentEntry>> GetDocumentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, source_path, title, content_hash, metadata_json::text FROM documents", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new Dictionary<string, DocumentEntry>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new DocumentEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                StoredJson.ReadMetadata(reader.GetString(4)));
            documents[entry.Id] = entry;
        }
        return documents;
    }

    public async Task<ChunkRecord?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"{SelectChunks} WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", chunkId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChunkRowReader().Read(reader) : null;
    }

    public async Task<IReadOnlyList<ChunkRecord>> LoadAllChunksAsync(CancellationToken cancellationToken = default)
    {
        // One statement reads one committed snapshot, so the chunks never mix two ingests' batches.
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SelectChunks, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new ChunkRowReader();
        var chunks = new List<ChunkRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(rows.Read(reader));
        }
        // Sorted here rather than by the database, whose collation may not order ids the way SQLite's store does.
        chunks.Sort((a, b) => string.CompareOrdinal(a.DocumentId, b.DocumentId) is var order and not 0 ? order : a.Ordinal.CompareTo(b.Ordinal));
        return chunks;
    }

    public async Task<IKnowledgeWriteBatch> BeginWriteAsync(string embeddingModel, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        return await PostgresKnowledgeWriteBatch.BeginAsync(connection, embeddingModel, cancellationToken);
    }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT value FROM store_meta WHERE key = 'store_id') || ':' ||
                   COALESCE((SELECT value FROM store_meta WHERE key = 'generation'), '0')
            """, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<string?> GetEmbeddingModelAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT value FROM store_meta WHERE key = 'embedding_model'", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    // JSON columns are read as text, the form ChunkRowReader caches parsed values by.
    private const string SelectChunks = """
        SELECT id, document_id, ordinal, title, heading_path::text, source_path, start_offset, end_offset, text,
               content_hash, metadata_json::text, terms, vector, flags_json::text
        FROM chunks
        """;

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(_schema, cancellationToken);
}
