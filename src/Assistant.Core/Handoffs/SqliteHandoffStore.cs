using Assistant.Core.Monitoring;
using Assistant.Core.Storage;

namespace Assistant.Core.Handoffs;

public sealed class SqliteHandoffStore(SqliteDatabase database, ProductMetrics? metrics = null) : IHandoffStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS handoffs (
            id              TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            reason          TEXT NOT NULL,
            status          TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            claimed_by      TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_handoffs_created ON handoffs(created_at);
        """, migrate: AddClaimedByAsync);

    // Databases from before claiming existed gain the column.
    private static Task AddClaimedByAsync(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        SqliteColumns.AddIfMissingAsync(connection, "handoffs", "claimed_by", "TEXT");

    public async Task<Handoff?> TransitionAsync(string id, string from, string to, string agentId, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(_schema, cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            // One conditional UPDATE: of two agents claiming at once, exactly one matches status = $from.
            command.CommandText = "UPDATE handoffs SET status = $to, claimed_by = COALESCE(claimed_by, $agent) WHERE id = $id AND status = $from";
            command.Parameters.AddWithValue("$to", to);
            command.Parameters.AddWithValue("$agent", agentId);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$from", from);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }
        return await GetAsync(id, cancellationToken);
    }

    public async Task<Handoff> CreateAsync(string conversationId, string reason, CancellationToken cancellationToken = default)
    {
        var handoff = new Handoff(Ids.New("handoff"), conversationId, reason, Handoff.Open, DateTimeOffset.UtcNow);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO handoffs(id, conversation_id, reason, status, created_at) VALUES($id, $conversation, $reason, $status, $at)";
        command.Parameters.AddWithValue("$id", handoff.Id);
        command.Parameters.AddWithValue("$conversation", handoff.ConversationId);
        command.Parameters.AddWithValue("$reason", handoff.Reason);
        command.Parameters.AddWithValue("$status", handoff.Status);
        command.Parameters.AddWithValue("$at", handoff.CreatedAt.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        metrics?.HandoffCreated();
        return handoff;
    }

    public async Task<Handoff?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT id, conversation_id, reason, status, created_at, claimed_by FROM handoffs WHERE id = $id", ("$id", id), cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Handoff>> ListAsync(string? status = null, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, conversation_id, reason, status, created_at, claimed_by FROM handoffs WHERE $status IS NULL OR status = $status ORDER BY created_at",
            ("$status", (object?)status ?? DBNull.Value), cancellationToken);

    private async Task<IReadOnlyList<Handoff>> QueryAsync(string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var handoffs = new List<Handoff>();
        while (await reader.ReadAsync(cancellationToken))
        {
            handoffs.Add(new Handoff(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return handoffs;
    }
}
