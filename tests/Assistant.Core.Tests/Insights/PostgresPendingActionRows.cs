using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Tests.Insights;

/// <summary>
/// The pending-action rows the insights source reads, written on PostgreSQL in the table, columns and time index of
/// <c>SqlitePendingActionStore</c> (timestamptz for times). A stand-in while the PostgreSQL pending-action store
/// lives on another branch: once it is merged, <see cref="InsightsSeed"/> should write through it instead.
/// </summary>
internal sealed class PostgresPendingActionRows(PostgresDatabase database)
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS pending_actions (
            id              text PRIMARY KEY,
            tool            text NOT NULL,
            arguments_json  jsonb NOT NULL,
            requested_by    text NOT NULL,
            requester_role  text NOT NULL,
            conversation_id text,
            message_id      text,
            risk            text NOT NULL,
            policy          text NOT NULL,
            preview         text NOT NULL,
            status          text NOT NULL,
            created_at      timestamptz NOT NULL,
            expires_at      timestamptz NOT NULL,
            decided_by      text,
            decision_reason text,
            result          text
        );
        CREATE INDEX IF NOT EXISTS ix_pending_actions_created ON pending_actions(created_at);
        """);

    public async Task WriteAsync(string id, DateTimeOffset createdAt, string status)
    {
        var cancellationToken = Xunit.TestContext.Current.CancellationToken;
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO pending_actions(id, tool, arguments_json, requested_by, requester_role, conversation_id, risk, policy, preview, status, created_at, expires_at, decided_by)
            VALUES(@id, 'refund', '{}', 'alice', 'user', 'c1', 'high', 'agent', '{}', @status, @at, @at + interval '1 day', 'sam')
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("at", createdAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
