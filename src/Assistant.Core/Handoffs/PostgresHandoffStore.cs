using Assistant.Core.Monitoring;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Handoffs;

/// <summary>Handoffs in the PostgreSQL database replicas share; the same contract and columns as <see cref="SqliteHandoffStore"/>.</summary>
public sealed class PostgresHandoffStore(PostgresDatabase database, ProductMetrics? metrics = null) : IHandoffStore
{
    private const string Columns = "id, conversation_id, reason, status, created_at, claimed_by";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS handoffs (
            id              text PRIMARY KEY,
            conversation_id text NOT NULL,
            reason          text NOT NULL,
            status          text NOT NULL,
            created_at      timestamptz NOT NULL,
            claimed_by      text
        );
        CREATE INDEX IF NOT EXISTS ix_handoffs_created ON handoffs(created_at);
        """);

    public async Task<Handoff?> TransitionAsync(string id, string from, string to, string agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // One conditional UPDATE: two agents on two replicas claiming at once both go for the row; the second waits for
        // the first's row lock, then re-checks status = @from against the committed row, matches nothing and gets null.
        await using var command = new NpgsqlCommand(
            $"UPDATE handoffs SET status = @to, claimed_by = COALESCE(claimed_by, @agent) WHERE id = @id AND status = @from RETURNING {Columns}", connection);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("agent", agentId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("from", from);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<Handoff> CreateAsync(string conversationId, string reason, CancellationToken cancellationToken = default)
    {
        var handoff = new Handoff(Ids.New("handoff"), conversationId, reason, Handoff.Open, DateTimeOffset.UtcNow);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO handoffs(id, conversation_id, reason, status, created_at) VALUES(@id, @conversation, @reason, @status, @at)", connection);
        command.Parameters.AddWithValue("id", handoff.Id);
        command.Parameters.AddWithValue("conversation", handoff.ConversationId);
        command.Parameters.AddWithValue("reason", handoff.Reason);
        command.Parameters.AddWithValue("status", handoff.Status);
        command.Parameters.AddWithValue("at", handoff.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        metrics?.HandoffCreated();
        return handoff;
    }

    public async Task<Handoff?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM handoffs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Handoff>> ListAsync(string? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM handoffs WHERE @status IS NULL OR status = @status ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Handoff>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var handoffs = new List<Handoff>();
        while (await reader.ReadAsync(cancellationToken))
        {
            handoffs.Add(new Handoff(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return handoffs;
    }
}
