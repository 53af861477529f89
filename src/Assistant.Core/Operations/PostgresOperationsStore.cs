using System.Text.Json;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Operations;

/// <summary>The admin's override in the PostgreSQL database replicas share; the same contract as <see cref="SqliteOperationsStore"/>.</summary>
public sealed class PostgresOperationsStore(PostgresDatabase database, TimeProvider clock) : IOperationsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS operations_override (
            id         integer PRIMARY KEY CHECK (id = 1),
            settings   jsonb NOT NULL,
            changed_by text NOT NULL,
            changed_at timestamptz NOT NULL
        );
        """);

    public async Task<OperationsState?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT settings, changed_by, changed_at FROM operations_override WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var settings = JsonSerializer.Deserialize<OperationsSettings>(reader.GetString(0), Json)!;
        return new OperationsState(settings, OperationsState.FromAdmin, reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    public async Task<OperationsState> WriteAsync(OperationsSettings settings, string changedBy, CancellationToken cancellationToken = default)
    {
        var state = new OperationsState(settings, OperationsState.FromAdmin, changedBy, PostgresTime.Truncate(clock.GetUtcNow()));
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // The last admin to write wins, as on SQLite: an override is a whole state, not a delta to merge.
        await using var command = new NpgsqlCommand("""
            INSERT INTO operations_override(id, settings, changed_by, changed_at) VALUES(1, @settings, @by, @at)
            ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, connection);
        command.Parameters.AddWithValue("settings", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(settings, Json));
        command.Parameters.AddWithValue("by", changedBy);
        command.Parameters.AddWithValue("at", state.ChangedAt!.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return state;
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM operations_override", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
