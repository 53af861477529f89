using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>The default <see cref="IKnowledgeStore"/>: one SQLite file.</summary>
public sealed class SqliteKnowledgeStore : IKnowledgeStore
{
    private readonly SqliteDatabase _database;
    private readonly StoreSchema _schema;

    public SqliteKnowledgeStore(SqliteDatabase database)
    {
        _database = database;
        _schema = database.Schema(SqliteSchema.Ddl, SqliteSchema.MigrateAsync);
    }

    public async Task<IReadOnlyDictionary<string, DocumentEntry>> GetDocumentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, source_path, title, content_hash, metadata_json FROM documents";
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
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectChunks} WHERE id = $id";
        command.Parameters.AddWithValue("$id", chunkId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChunkRowReader().Read(reader) : null;
    }

    public async Task<IReadOnlyList<ChunkRecord>> LoadAllChunksAsync(CancellationToken cancellationToken = default)
    {
        // Decoding rows costs far more than SQLite reading them, so each core decodes its own share of rows over
        // its own connection; this keeps a restart on a large knowledge base within a few seconds.
        var partitions = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var parts = await Task.WhenAll(Enumerable.Range(0, partitions)
            .Select(part => Task.Run(() => LoadPartitionAsync(part, partitions, cancellationToken), cancellationToken)));
        var chunks = parts.SelectMany(part => part).ToList();
        chunks.Sort((a, b) => string.CompareOrdinal(a.DocumentId, b.DocumentId) is var order and not 0 ? order : a.Ordinal.CompareTo(b.Ordinal));
        return chunks;
    }

    private async Task<List<ChunkRecord>> LoadPartitionAsync(int part, int partitions, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectChunks} WHERE rowid % $partitions = $part";
        command.Parameters.AddWithValue("$partitions", partitions);
        command.Parameters.AddWithValue("$part", part);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new ChunkRowReader();
        var chunks = new List<ChunkRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(rows.Read(reader));
        }
        return chunks;
    }

    public async Task<IKnowledgeWriteBatch> BeginWriteAsync(string embeddingModel, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        return await SqliteKnowledgeWriteBatch.BeginAsync(connection, embeddingModel, cancellationToken);
    }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT value FROM store_meta WHERE key = 'store_id') || ':' ||
                   COALESCE((SELECT value FROM store_meta WHERE key = 'generation'), '0')
            """;
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<string?> GetEmbeddingModelAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_meta WHERE key = 'embedding_model'";
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private const string SelectChunks = """
        SELECT id, document_id, ordinal, title, heading_path, source_path, start_offset, end_offset, text,
               content_hash, metadata_json, terms, vector, flags_json
        FROM chunks
        """;

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(_schema, cancellationToken);

    internal static ReadOnlyMemory<float> ToVector(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();

    internal static byte[] ToBlob(ReadOnlyMemory<float> vector) => MemoryMarshal.AsBytes(vector.Span).ToArray();
}
