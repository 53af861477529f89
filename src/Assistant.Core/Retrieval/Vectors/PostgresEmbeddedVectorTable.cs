using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// The embedded store's records in the PostgreSQL database replicas share (no pgvector needed: searching stays an
/// exact scan in each replica's memory). Same tables and columns as <see cref="EmbeddedVectorTable"/>; vectors are
/// real[]. Each write is one transaction that also moves the collection's generation, which replicas poll.
/// </summary>
internal sealed class PostgresEmbeddedVectorTable(PostgresDatabase database, string collection) : IEmbeddedVectorTable
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS vector_collections (
            name       text PRIMARY KEY,
            dimensions integer NOT NULL
        );
        CREATE TABLE IF NOT EXISTS vector_records (
            collection   text NOT NULL,
            key          text NOT NULL,
            chunk_id     text NOT NULL,
            document_id  text NOT NULL,
            content_hash text NOT NULL,
            labels       jsonb NOT NULL,
            vector       real[] NOT NULL,
            PRIMARY KEY (collection, key)
        );
        CREATE TABLE IF NOT EXISTS vector_generations (
            collection text PRIMARY KEY,
            generation bigint NOT NULL
        );
        """);

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM vector_collections WHERE name = @collection)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> GenerationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, null,
            "SELECT COALESCE((SELECT generation FROM vector_generations WHERE collection = @collection), 0)");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<long> CreateAsync(int dimensions, CancellationToken cancellationToken) => WriteAsync(cancellationToken, () =>
    {
        var command = Write(
            "INSERT INTO vector_collections(name, dimensions) VALUES(@collection, @dimensions) ON CONFLICT (name) DO NOTHING");
        command.Parameters.AddWithValue("dimensions", dimensions);
        return [command];
    });

    public Task<long> DropAsync(CancellationToken cancellationToken) => WriteAsync(cancellationToken, () =>
    [
        Write("DELETE FROM vector_records WHERE collection = @collection"),
        Write("DELETE FROM vector_collections WHERE name = @collection"),
    ]);

    public async Task<List<ChunkVector>> LoadAsync(int dimensions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, null,
            "SELECT key, chunk_id, document_id, content_hash, labels::text, vector FROM vector_records WHERE collection = @collection");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ChunkVector>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = reader.GetFieldValue<float[]>(5);
            if (vector.Length != dimensions)
            {
                continue;
            }
            records.Add(new ChunkVector
            {
                Key = Guid.Parse(reader.GetString(0)),
                ChunkId = reader.GetString(1),
                DocumentId = reader.GetString(2),
                ContentHash = reader.GetString(3),
                Labels = JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
                Vector = vector,
            });
        }
        return records;
    }

    public Task<long> UpsertAsync(IReadOnlyList<ChunkVector> records, CancellationToken cancellationToken) => WriteAsync(cancellationToken, () =>
        records.Select(record =>
        {
            var command = Write("""
                INSERT INTO vector_records(collection, key, chunk_id, document_id, content_hash, labels, vector)
                VALUES(@collection, @key, @chunk, @document, @hash, @labels, @vector)
                ON CONFLICT (collection, key) DO UPDATE SET chunk_id = @chunk, document_id = @document, content_hash = @hash,
                    labels = @labels, vector = @vector
                """);
            command.Parameters.AddWithValue("key", record.Key.ToString());
            command.Parameters.AddWithValue("chunk", record.ChunkId);
            command.Parameters.AddWithValue("document", record.DocumentId);
            command.Parameters.AddWithValue("hash", record.ContentHash);
            command.Parameters.AddWithValue("labels", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(record.Labels));
            command.Parameters.AddWithValue("vector", record.Vector.ToArray());
            return command;
        }));

    public Task<long> DeleteAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) => WriteAsync(cancellationToken, () =>
    {
        var command = Write("DELETE FROM vector_records WHERE collection = @collection AND key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", keys.Select(key => key.ToString()).ToArray());
        return [command];
    });

    /// <summary>
    /// Runs one write's statements (in one round trip) and the generation bump in one transaction, and returns the
    /// generation it produced.
    /// </summary>
    private async Task<long> WriteAsync(CancellationToken cancellationToken, Func<IEnumerable<NpgsqlBatchCommand>> write)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var command in write())
            {
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var bump = Command(connection, transaction, """
            INSERT INTO vector_generations(collection, generation) VALUES(@collection, 1)
            ON CONFLICT (collection) DO UPDATE SET generation = vector_generations.generation + 1
            RETURNING generation
            """);
        var generation = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return generation;
    }

    private NpgsqlBatchCommand Write(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("collection", collection);
        return command;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("collection", collection);
        return command;
    }
}
