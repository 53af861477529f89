using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Storage;

/// <summary>
/// One PostgreSQL transaction per ingest run: other replicas (and this one's readers) see the previous index until it
/// commits, and nothing of it if the run fails or the process dies.
/// </summary>
internal sealed class PostgresKnowledgeWriteBatch : IKnowledgeWriteBatch
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _changed;

    private PostgresKnowledgeWriteBatch(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<IKnowledgeWriteBatch> BeginAsync(NpgsqlConnection connection, string embeddingModel, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = new PostgresKnowledgeWriteBatch(connection, transaction);
        await using var command = batch.Command(
            "INSERT INTO store_meta(key, value) VALUES('embedding_model', @model) ON CONFLICT (key) DO UPDATE SET value = @model");
        command.Parameters.AddWithValue("model", embeddingModel);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return batch;
    }

    public async Task UpsertAsync(DocumentEntry document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken = default)
    {
        await DeleteAsync(document.Id, cancellationToken);
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        var insertDocument = new NpgsqlBatchCommand("""
            INSERT INTO documents(id, source_path, title, content_hash, metadata_json, indexed_at)
            VALUES(@id, @path, @title, @hash, @metadata, @at)
            """);
        insertDocument.Parameters.AddWithValue("id", document.Id);
        insertDocument.Parameters.AddWithValue("path", document.SourcePath);
        insertDocument.Parameters.AddWithValue("title", document.Title);
        insertDocument.Parameters.AddWithValue("hash", document.ContentHash);
        insertDocument.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, StoredJson.WriteMetadata(document.Metadata));
        insertDocument.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
        batch.BatchCommands.Add(insertDocument);
        foreach (var chunk in chunks)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO chunks(id, document_id, ordinal, title, heading_path, source_path, start_offset, end_offset,
                                   text, content_hash, metadata_json, terms, vector, flags_json)
                VALUES(@id, @doc, @ordinal, @title, @headings, @path, @start, @end, @text, @hash, @metadata, @terms, @vector, @flags)
                """);
            insert.Parameters.AddWithValue("id", chunk.Id);
            insert.Parameters.AddWithValue("doc", chunk.DocumentId);
            insert.Parameters.AddWithValue("ordinal", chunk.Ordinal);
            insert.Parameters.AddWithValue("title", chunk.Title);
            insert.Parameters.AddWithValue("headings", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(chunk.HeadingPath));
            insert.Parameters.AddWithValue("path", chunk.SourcePath);
            insert.Parameters.AddWithValue("start", chunk.Start);
            insert.Parameters.AddWithValue("end", chunk.End);
            insert.Parameters.AddWithValue("text", chunk.Text);
            insert.Parameters.AddWithValue("hash", chunk.ContentHash);
            insert.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, StoredJson.WriteMetadata(chunk.Metadata));
            insert.Parameters.AddWithValue("terms", chunk.Terms.Serialize());
            insert.Parameters.AddWithValue("vector", SqliteKnowledgeStore.ToBlob(chunk.Vector));
            insert.Parameters.AddWithValue("flags", NpgsqlDbType.Jsonb, StoredJson.WriteFlags(chunk.Flags));
            batch.BatchCommands.Add(insert);
        }
        // One round trip per document rather than one per chunk.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        _changed = true;
        await using var command = Command("DELETE FROM documents WHERE id = @id");
        command.Parameters.AddWithValue("id", documentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        // Only a batch that wrote something starts a new generation: replicas watching the version reload only then.
        if (_changed)
        {
            await using var bump = Command("""
                INSERT INTO store_meta(key, value) VALUES('generation', '1')
                ON CONFLICT (key) DO UPDATE SET value = (store_meta.value::bigint + 1)::text
                """);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; a broken connection has rolled it back already.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);
}
