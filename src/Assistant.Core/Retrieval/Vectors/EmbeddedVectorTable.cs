using System.Runtime.InteropServices;
using System.Text.Json;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Where the embedded store's vectors persist: two tables in the knowledge database, so vectors survive a restart
/// (nothing is re-embedded) and are backed up with the chunks they belong to. Reads happen once, at first use.
/// </summary>
internal sealed class EmbeddedVectorTable : IEmbeddedVectorTable
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS vector_collections (
            name       TEXT PRIMARY KEY,
            dimensions INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS vector_records (
            collection   TEXT NOT NULL,
            key          TEXT NOT NULL,
            chunk_id     TEXT NOT NULL,
            document_id  TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            labels       TEXT NOT NULL,
            vector       BLOB NOT NULL,
            PRIMARY KEY (collection, key)
        );
        CREATE TABLE IF NOT EXISTS vector_generations (
            collection TEXT PRIMARY KEY,
            generation INTEGER NOT NULL
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly StoreSchema _schema;
    private readonly string _collection;

    public EmbeddedVectorTable(SqliteDatabase database, string collection)
    {
        _database = database;
        _schema = database.Schema(Ddl);
        _collection = collection;
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "SELECT COUNT(*) FROM vector_collections WHERE name = $collection");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Goes up with every write, by any process: a reader that saw another value has missed someone's write.</summary>
    public async Task<long> GenerationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection, "SELECT COALESCE((SELECT generation FROM vector_generations WHERE collection = $collection), 0)");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<long> CreateAsync(int dimensions, CancellationToken cancellationToken) => WriteAsync(cancellationToken, async connection =>
    {
        await using var command = Command(connection,
            "INSERT INTO vector_collections(name, dimensions) VALUES($collection, $dimensions) ON CONFLICT(name) DO NOTHING");
        command.Parameters.AddWithValue("$dimensions", dimensions);
        await command.ExecuteNonQueryAsync(cancellationToken);
    });

    public Task<long> DropAsync(CancellationToken cancellationToken) => WriteAsync(cancellationToken, async connection =>
    {
        await using var command = Command(connection,
            "DELETE FROM vector_records WHERE collection = $collection; DELETE FROM vector_collections WHERE name = $collection;");
        await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>Every record of the collection with its vector; rows of another size (an older model) are left out.</summary>
    public async Task<List<ChunkVector>> LoadAsync(int dimensions, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(_schema, cancellationToken);
        await using var command = Command(connection,
            "SELECT key, chunk_id, document_id, content_hash, labels, vector FROM vector_records WHERE collection = $collection");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ChunkVector>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(5)).ToArray();
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

    public Task<long> UpsertAsync(IReadOnlyList<ChunkVector> records, CancellationToken cancellationToken) => WriteAsync(cancellationToken, async connection =>
    {
        await using var command = Command(connection, """
            INSERT INTO vector_records(collection, key, chunk_id, document_id, content_hash, labels, vector)
            VALUES($collection, $key, $chunk, $document, $hash, $labels, $vector)
            ON CONFLICT(collection, key) DO UPDATE SET chunk_id = $chunk, document_id = $document, content_hash = $hash,
                labels = $labels, vector = $vector
            """);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var chunk = command.Parameters.Add("$chunk", SqliteType.Text);
        var document = command.Parameters.Add("$document", SqliteType.Text);
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        var labels = command.Parameters.Add("$labels", SqliteType.Text);
        var vector = command.Parameters.Add("$vector", SqliteType.Blob);
        foreach (var record in records)
        {
            key.Value = record.Key.ToString();
            chunk.Value = record.ChunkId;
            document.Value = record.DocumentId;
            hash.Value = record.ContentHash;
            labels.Value = JsonSerializer.Serialize(record.Labels);
            vector.Value = MemoryMarshal.AsBytes(record.Vector.Span).ToArray();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    });

    public Task<long> DeleteAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) => WriteAsync(cancellationToken, async connection =>
    {
        await using var command = Command(connection, "DELETE FROM vector_records WHERE collection = $collection AND key = $key");
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var value in keys)
        {
            key.Value = value.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    });

    /// <summary>Runs one write and returns the generation it produced.</summary>
    private async Task<long> WriteAsync(CancellationToken cancellationToken, Func<SqliteConnection, Task> write)
    {
        long generation = 0;
        await VectorTableWrite.RunAsync(_database, _schema, async connection =>
        {
            await write(connection);
            await using var bump = Command(connection, """
                INSERT INTO vector_generations(collection, generation) VALUES($collection, 1)
                ON CONFLICT(collection) DO UPDATE SET generation = generation + 1
                RETURNING generation
                """);
            generation = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);
        return generation;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$collection", _collection);
        return command;
    }
}
