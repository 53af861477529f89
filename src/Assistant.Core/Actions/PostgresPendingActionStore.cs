using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Actions;

/// <summary>
/// Pending actions in the PostgreSQL database replicas share; the same contract as <see cref="SqlitePendingActionStore"/>.
/// A transition locks the action's row (SELECT ... FOR UPDATE) before it reads the status, so of two replicas
/// approving or claiming one action at once the second waits, then sees the new status and gets null.
/// </summary>
public sealed class PostgresPendingActionStore(PostgresDatabase database, TimeProvider? time = null) : IPendingActionStore
{
    private const string Columns = "id, tool, arguments_json, requested_by, requester_role, conversation_id, message_id, risk, policy, preview, status, created_at, expires_at, decided_by, decision_reason, result";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS pending_actions (
            id              text PRIMARY KEY,
            tool            text NOT NULL,
            arguments_json  text NOT NULL,
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
        CREATE INDEX IF NOT EXISTS ix_pending_actions_status ON pending_actions(status, created_at);
        CREATE INDEX IF NOT EXISTS ix_pending_actions_conversation ON pending_actions(conversation_id, created_at);
        CREATE INDEX IF NOT EXISTS ix_pending_actions_created ON pending_actions(created_at);
        CREATE TABLE IF NOT EXISTS action_transitions (
            seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            action_id   text NOT NULL REFERENCES pending_actions(id),
            from_status text NOT NULL,
            to_status   text NOT NULL,
            actor       text NOT NULL,
            role        text NOT NULL,
            at          timestamptz NOT NULL,
            reason      text
        );
        CREATE INDEX IF NOT EXISTS ix_action_transitions_action ON action_transitions(action_id, seq);
        """);

    public async Task<PendingAction> CreateAsync(PendingAction action, CancellationToken cancellationToken = default)
    {
        var stored = action with { CreatedAt = PostgresTime.Truncate(action.CreatedAt), ExpiresAt = PostgresTime.Truncate(action.ExpiresAt) };
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO pending_actions({Columns})
            VALUES(@id, @tool, @args, @by, @role, @conversation, @message, @risk, @policy, @preview, @status, @created, @expires, NULL, NULL, NULL)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", stored.Id);
            insert.Parameters.AddWithValue("tool", stored.Tool);
            insert.Parameters.AddWithValue("args", stored.ArgumentsJson);
            insert.Parameters.AddWithValue("by", stored.RequestedBy);
            insert.Parameters.AddWithValue("role", stored.RequesterRole);
            insert.Parameters.AddWithValue("conversation", (object?)stored.ConversationId ?? DBNull.Value);
            insert.Parameters.AddWithValue("message", (object?)stored.MessageId ?? DBNull.Value);
            insert.Parameters.AddWithValue("risk", stored.Risk);
            insert.Parameters.AddWithValue("policy", stored.Policy.ToString());
            insert.Parameters.AddWithValue("preview", stored.Preview);
            insert.Parameters.AddWithValue("status", stored.Status);
            insert.Parameters.AddWithValue("created", stored.CreatedAt.ToUniversalTime());
            insert.Parameters.AddWithValue("expires", stored.ExpiresAt.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await RecordAsync(connection, transaction, stored.Id, "proposed", stored.Status, stored.RequestedBy, stored.RequesterRole, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return (await QueryAsync(connection, null, "WHERE id = @id", [("id", id)], cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<PendingAction>> ListAsync(IReadOnlyCollection<string> statuses, string? requestedBy = null, string? conversationId = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        var parameters = new List<(string, object)>();
        var conditions = new List<string>();
        if (statuses.Count > 0)
        {
            conditions.Add("status = ANY(@statuses)");
            parameters.Add(("statuses", statuses.ToArray()));
        }
        if (requestedBy is not null)
        {
            conditions.Add("requested_by = @by");
            parameters.Add(("by", requestedBy));
        }
        if (conversationId is not null)
        {
            conditions.Add("conversation_id = @conversation");
            parameters.Add(("conversation", conversationId));
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return await QueryAsync(connection, null, $"{where} ORDER BY created_at, id", parameters, cancellationToken);
    }

    public async Task<PendingAction?> TransitionAsync(string id, IReadOnlyCollection<string> from, string to, string actor, string role, string? reason,
        string? result = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row lock is what makes a transition exactly-once across replicas: a second transaction blocks here
        // until the first commits, then reads the status the first one wrote.
        string current;
        await using (var select = new NpgsqlCommand("SELECT status FROM pending_actions WHERE id = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("id", id);
            if (await select.ExecuteScalarAsync(cancellationToken) is not string status || !from.Contains(status))
            {
                return null;
            }
            current = status;
        }
        PendingAction moved;
        await using (var update = new NpgsqlCommand($"""
            UPDATE pending_actions SET status = @to,
                decided_by = CASE WHEN @decision THEN @actor ELSE decided_by END,
                decision_reason = CASE WHEN @decision THEN @reason ELSE decision_reason END,
                result = COALESCE(@result, result),
                expires_at = COALESCE(@expires, expires_at)
            WHERE id = @id
            RETURNING {Columns}
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("to", to);
            update.Parameters.AddWithValue("decision", to is ActionStatus.Approved or ActionStatus.Rejected or ActionStatus.Cancelled);
            update.Parameters.AddWithValue("actor", actor);
            update.Parameters.AddWithValue("reason", NpgsqlTypes.NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
            update.Parameters.AddWithValue("result", NpgsqlTypes.NpgsqlDbType.Text, (object?)result ?? DBNull.Value);
            update.Parameters.AddWithValue("expires", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)expiresAt?.ToUniversalTime() ?? DBNull.Value);
            update.Parameters.AddWithValue("id", id);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            moved = Read(reader);
        }
        await RecordAsync(connection, transaction, id, current, to, actor, role, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    public async Task<IReadOnlyList<ActionTransition>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT action_id, from_status, to_status, actor, role, at, reason FROM action_transitions WHERE action_id = @id ORDER BY seq", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<ActionTransition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new ActionTransition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return history;
    }

    public async Task<IReadOnlyList<PendingAction>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // Each action moves through TransitionAsync, so a replica expiring it while another approves it is one more
        // race the row lock decides: whichever commits second finds the status moved and does nothing.
        var expired = new List<PendingAction>();
        foreach (var action in await ListAsync(ActionStatus.Waiting.ToList(), cancellationToken: cancellationToken))
        {
            if (action.ExpiresAt <= now &&
                await TransitionAsync(action.Id, ActionStatus.Waiting.ToList(), ActionStatus.Expired, "system", "system", "not decided in time", cancellationToken: cancellationToken) is { } moved)
            {
                expired.Add(moved);
            }
        }
        return expired;
    }

    private async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, string from, string to, string actor, string role, string? reason, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO action_transitions(action_id, from_status, to_status, actor, role, at, reason) VALUES(@id, @from, @to, @actor, @role, @at, @reason)",
            connection, transaction);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("from", from);
        insert.Parameters.AddWithValue("to", to);
        insert.Parameters.AddWithValue("actor", actor);
        insert.Parameters.AddWithValue("role", role);
        insert.Parameters.AddWithValue("at", (time ?? TimeProvider.System).GetUtcNow().ToUniversalTime());
        insert.Parameters.AddWithValue("reason", NpgsqlTypes.NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<PendingAction>> QueryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tail,
        IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM pending_actions {tail}", connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<PendingAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(Read(reader));
        }
        return actions;
    }

    private static PendingAction Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetString(7), Enum.Parse<ConfirmationPolicy>(reader.GetString(8)), reader.GetString(9), reader.GetString(10),
        reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12),
        reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15));
}
