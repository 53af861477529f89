using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>The vector ledger in the PostgreSQL database replicas share; same tables and contract as <see cref="VectorLedger"/>.</summary>
public sealed class PostgresVectorLedger(PostgresDatabase database, string collection) : IVectorLedger
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS vector_ledger_model (
            collection text PRIMARY KEY,
            model      text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS vector_ledger (
            collection   text NOT NULL,
            chunk_id     text NOT NULL,
            content_hash text NOT NULL,
            PRIMARY KEY (collection, chunk_id)
        );
        """);

    public async Task<string?> GetModelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "SELECT model FROM vector_ledger_model WHERE collection = @collection");
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task ResetAsync(string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Write("DELETE FROM vector_ledger WHERE collection = @collection"));
        var record = Write("""
            INSERT INTO vector_ledger_model(collection, model) VALUES(@collection, @model)
            ON CONFLICT (collection) DO UPDATE SET model = @model
            """);
        record.Parameters.AddWithValue("model", model);
        batch.BatchCommands.Add(record);
        // A batch without a transaction of its own runs as one implicit transaction: both or neither.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Dictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "SELECT chunk_id, content_hash FROM vector_ledger WHERE collection = @collection");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries[reader.GetString(0)] = reader.GetString(1);
        }
        return entries;
    }

    public async Task RecordAsync(IEnumerable<(string ChunkId, string ContentHash)> entries, CancellationToken cancellationToken)
    {
        var list = entries.ToList();
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO vector_ledger(collection, chunk_id, content_hash)
            SELECT @collection, chunk_id, content_hash FROM unnest(@chunks, @hashes) AS entry(chunk_id, content_hash)
            ON CONFLICT (collection, chunk_id) DO UPDATE SET content_hash = excluded.content_hash
            """);
        command.Parameters.AddWithValue("chunks", list.Select(entry => entry.ChunkId).ToArray());
        command.Parameters.AddWithValue("hashes", list.Select(entry => entry.ContentHash).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ForgetAsync(IEnumerable<string> chunkIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "DELETE FROM vector_ledger WHERE collection = @collection AND chunk_id = ANY(@chunks)");
        command.Parameters.AddWithValue("chunks", chunkIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlBatchCommand Write(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("collection", collection);
        return command;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("collection", collection);
        return command;
    }
}
