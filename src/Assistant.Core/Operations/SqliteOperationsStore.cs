using System.Text.Json;
using Assistant.Core.Storage;

namespace Assistant.Core.Operations;

/// <summary>
/// The admin's override in the app database: one row, or none when configuration applies. Every replica and the CLI
/// share the file, so a change made through one is read by all.
/// </summary>
public sealed class SqliteOperationsStore(SqliteDatabase database, TimeProvider clock) : IOperationsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS operations_override (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            settings   TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        """);

    /// <summary>The override, or null when there is none.</summary>
    public async Task<OperationsState?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT settings, changed_by, changed_at FROM operations_override WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var settings = JsonSerializer.Deserialize<OperationsSettings>(reader.GetString(0), Json)!;
        return new OperationsState(settings, OperationsState.FromAdmin, reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<OperationsState> WriteAsync(OperationsSettings settings, string changedBy, CancellationToken cancellationToken = default)
    {
        var state = new OperationsState(settings, OperationsState.FromAdmin, changedBy, clock.GetUtcNow());
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO operations_override(id, settings, changed_by, changed_at) VALUES(1, $settings, $by, $at)
            ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """;
        command.Parameters.AddWithValue("$settings", JsonSerializer.Serialize(settings, Json));
        command.Parameters.AddWithValue("$by", changedBy);
        command.Parameters.AddWithValue("$at", state.ChangedAt!.Value.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return state;
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = "DELETE FROM operations_override";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
