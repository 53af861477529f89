using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Which chunks the vector store holds a vector for, by content hash, and from which embedding model. It lives in the
/// knowledge database whatever the vector store is, so a backfill knows what is left after a restart without
/// scanning a remote store, and a model change is noticed before any vector of the old model is searched.
/// </summary>
public sealed class VectorLedger : IVectorLedger
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS vector_ledger_model (
            collection TEXT PRIMARY KEY,
            model      TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS vector_ledger (
            collection   TEXT NOT NULL,
            chunk_id     TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            PRIMARY KEY (collection, chunk_id)
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly StoreSchema _schema;
    private readonly string _collection;

    public VectorLedger(SqliteDatabase knowledgeDatabase, string collection)
    {
        _database = knowledgeDatabase;
        _schema = knowledgeDatabase.Schema(Ddl);
        _collection = collection;
    }

    /// <summary>The model whose vectors the collection holds, or null before the first backfill.</summary>
    public async Task<string?> GetModelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "SELECT model FROM vector_ledger_model WHERE collection = $collection");
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Forgets every entry and records the new model: called after the collection was emptied.</summary>
    public Task ResetAsync(string model, CancellationToken cancellationToken) => WriteAsync(cancellationToken, async connection =>
    {
        await using var command = Command(connection, """
            DELETE FROM vector_ledger WHERE collection = $collection;
            INSERT INTO vector_ledger_model(collection, model) VALUES($collection, $model)
            ON CONFLICT(collection) DO UPDATE SET model = $model;
            """);
        command.Parameters.AddWithValue("$model", model);
        await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>Chunk id to the content hash its stored vector was computed from.</summary>
    public async Task<Dictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "SELECT chunk_id, content_hash FROM vector_ledger WHERE collection = $collection");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries[reader.GetString(0)] = reader.GetString(1);
        }
        return entries;
    }

    public Task RecordAsync(IEnumerable<(string ChunkId, string ContentHash)> entries, CancellationToken cancellationToken) =>
        WriteAsync(cancellationToken, async connection =>
        {
            await using var command = Command(connection, """
                INSERT INTO vector_ledger(collection, chunk_id, content_hash) VALUES($collection, $chunk, $hash)
                ON CONFLICT(collection, chunk_id) DO UPDATE SET content_hash = $hash
                """);
            var chunk = command.Parameters.Add("$chunk", SqliteType.Text);
            var hash = command.Parameters.Add("$hash", SqliteType.Text);
            foreach (var entry in entries)
            {
                (chunk.Value, hash.Value) = (entry.ChunkId, entry.ContentHash);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        });

    public Task ForgetAsync(IEnumerable<string> chunkIds, CancellationToken cancellationToken) => WriteAsync(cancellationToken, async connection =>
    {
        await using var command = Command(connection, "DELETE FROM vector_ledger WHERE collection = $collection AND chunk_id = $chunk");
        var chunk = command.Parameters.Add("$chunk", SqliteType.Text);
        foreach (var id in chunkIds)
        {
            chunk.Value = id;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    });

    private Task WriteAsync(CancellationToken cancellationToken, Func<SqliteConnection, Task> write) =>
        VectorTableWrite.RunAsync(_database, _schema, write, cancellationToken);

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$collection", _collection);
        return command;
    }
}
