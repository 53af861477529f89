using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>
/// One SQLite transaction per ingest run. If the process dies or a step throws, the transaction never commits and the
/// previous index stays whole: that is the crash-safety guarantee, and it costs nothing extra.
/// </summary>
internal sealed class SqliteKnowledgeWriteBatch : IKnowledgeWriteBatch
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private bool _committed;
    private bool _changed;

    private SqliteKnowledgeWriteBatch(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<IKnowledgeWriteBatch> BeginAsync(
        SqliteConnection connection, string embeddingModel, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var batch = new SqliteKnowledgeWriteBatch(connection, transaction);
        await batch.ExecuteAsync(
            "INSERT INTO store_meta(key, value) VALUES('embedding_model', $model) ON CONFLICT(key) DO UPDATE SET value = $model",
            cancellationToken, ("$model", embeddingModel));
        return batch;
    }

    public async Task UpsertAsync(DocumentEntry document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken = default)
    {
        await DeleteAsync(document.Id, cancellationToken);
        await ExecuteAsync(
            """
            INSERT INTO documents(id, source_path, title, content_hash, metadata_json, indexed_at)
            VALUES($id, $path, $title, $hash, $metadata, $at)
            """,
            cancellationToken,
            ("$id", document.Id), ("$path", document.SourcePath), ("$title", document.Title),
            ("$hash", document.ContentHash), ("$metadata", StoredJson.WriteMetadata(document.Metadata)),
            ("$at", DateTimeOffset.UtcNow.ToString("O")));

        await using var insert = _connection.CreateCommand();
        insert.Transaction = _transaction;
        insert.CommandText = """
            INSERT INTO chunks(id, document_id, ordinal, title, heading_path, source_path, start_offset, end_offset,
                               text, content_hash, metadata_json, terms, vector, flags_json)
            VALUES($id, $doc, $ordinal, $title, $headings, $path, $start, $end, $text, $hash, $metadata, $terms, $vector, $flags)
            """;
        foreach (var chunk in chunks)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", chunk.Id);
            insert.Parameters.AddWithValue("$doc", chunk.DocumentId);
            insert.Parameters.AddWithValue("$ordinal", chunk.Ordinal);
            insert.Parameters.AddWithValue("$title", chunk.Title);
            insert.Parameters.AddWithValue("$headings", JsonSerializer.Serialize(chunk.HeadingPath));
            insert.Parameters.AddWithValue("$path", chunk.SourcePath);
            insert.Parameters.AddWithValue("$start", chunk.Start);
            insert.Parameters.AddWithValue("$end", chunk.End);
            insert.Parameters.AddWithValue("$text", chunk.Text);
            insert.Parameters.AddWithValue("$hash", chunk.ContentHash);
            insert.Parameters.AddWithValue("$metadata", StoredJson.WriteMetadata(chunk.Metadata));
            insert.Parameters.AddWithValue("$terms", chunk.Terms.Serialize());
            insert.Parameters.AddWithValue("$vector", SqliteKnowledgeStore.ToBlob(chunk.Vector));
            insert.Parameters.AddWithValue("$flags", StoredJson.WriteFlags(chunk.Flags));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public Task DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        _changed = true;
        return ExecuteAsync("DELETE FROM documents WHERE id = $id", cancellationToken, ("$id", documentId));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        // Only a batch that wrote something starts a new generation, so a restart with nothing changed keeps
        // using the saved index segment.
        if (_changed)
        {
            await ExecuteAsync(
                """
                INSERT INTO store_meta(key, value) VALUES('generation', '1')
                ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
                """,
                cancellationToken);
        }
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
        // Fold the run's pages back into the database file now: a large WAL slows every later read, starting with
        // the index load after a restart.
        await using var checkpoint = _connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _transaction.RollbackAsync();
        }
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
