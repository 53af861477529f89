using System.Globalization;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Actions;

public sealed class SqlitePendingActionStore(SqliteDatabase database, TimeProvider? time = null) : IPendingActionStore
{
    private const string Columns = "id, tool, arguments_json, requested_by, requester_role, conversation_id, message_id, risk, policy, preview, status, created_at, expires_at, decided_by, decision_reason, result";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS pending_actions (
            id              TEXT PRIMARY KEY,
            tool            TEXT NOT NULL,
            arguments_json  TEXT NOT NULL,
            requested_by    TEXT NOT NULL,
            requester_role  TEXT NOT NULL,
            conversation_id TEXT,
            message_id      TEXT,
            risk            TEXT NOT NULL,
            policy          TEXT NOT NULL,
            preview         TEXT NOT NULL,
            status          TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            expires_at      TEXT NOT NULL,
            decided_by      TEXT,
            decision_reason TEXT,
            result          TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_pending_actions_status ON pending_actions(status, created_at);
        CREATE INDEX IF NOT EXISTS ix_pending_actions_conversation ON pending_actions(conversation_id, created_at);
        CREATE INDEX IF NOT EXISTS ix_pending_actions_created ON pending_actions(created_at);
        CREATE TABLE IF NOT EXISTS action_transitions (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            action_id  TEXT NOT NULL REFERENCES pending_actions(id),
            from_status TEXT NOT NULL,
            to_status  TEXT NOT NULL,
            actor      TEXT NOT NULL,
            role       TEXT NOT NULL,
            at         TEXT NOT NULL,
            reason     TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_action_transitions_action ON action_transitions(action_id, seq);
        """);

    public async Task<PendingAction> CreateAsync(PendingAction action, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO pending_actions({Columns}) VALUES($id, $tool, $args, $by, $role, $conversation, $message, $risk, $policy, $preview, $status, $created, $expires, NULL, NULL, NULL)";
            insert.Parameters.AddWithValue("$id", action.Id);
            insert.Parameters.AddWithValue("$tool", action.Tool);
            insert.Parameters.AddWithValue("$args", action.ArgumentsJson);
            insert.Parameters.AddWithValue("$by", action.RequestedBy);
            insert.Parameters.AddWithValue("$role", action.RequesterRole);
            insert.Parameters.AddWithValue("$conversation", (object?)action.ConversationId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$message", (object?)action.MessageId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$risk", action.Risk);
            insert.Parameters.AddWithValue("$policy", action.Policy.ToString());
            insert.Parameters.AddWithValue("$preview", action.Preview);
            insert.Parameters.AddWithValue("$status", action.Status);
            insert.Parameters.AddWithValue("$created", action.CreatedAt.ToString("O"));
            insert.Parameters.AddWithValue("$expires", action.ExpiresAt.ToString("O"));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await RecordAsync(connection, transaction, action.Id, "proposed", action.Status, action.RequestedBy, action.RequesterRole, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return action;
    }

    public async Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return (await QueryAsync(connection, null, "WHERE id = $id", [("$id", id)], cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<PendingAction>> ListAsync(IReadOnlyCollection<string> statuses, string? requestedBy = null, string? conversationId = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        var parameters = statuses.Select((status, i) => ($"$s{i}", (object)status)).ToList();
        var conditions = new List<string>();
        if (parameters.Count > 0)
        {
            conditions.Add($"status IN ({string.Join(", ", parameters.Select(p => p.Item1))})");
        }
        if (requestedBy is not null)
        {
            conditions.Add("requested_by = $by");
            parameters.Add(("$by", requestedBy));
        }
        if (conversationId is not null)
        {
            conditions.Add("conversation_id = $conversation");
            parameters.Add(("$conversation", conversationId));
        }
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return await QueryAsync(connection, null, $"{where} ORDER BY created_at", parameters, cancellationToken);
    }

    public async Task<PendingAction?> TransitionAsync(string id, IReadOnlyCollection<string> from, string to, string actor, string role, string? reason,
        string? result = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // BEGIN IMMEDIATE takes the write lock up front, so two transitions of one action serialise instead of both
        // reading the old status.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = (await QueryAsync(connection, transaction, "WHERE id = $id", [("$id", id)], cancellationToken)).SingleOrDefault();
        if (current is null || !from.Contains(current.Status))
        {
            return null;
        }
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE pending_actions SET status = $to,
                    decided_by = CASE WHEN $decision THEN $actor ELSE decided_by END,
                    decision_reason = CASE WHEN $decision THEN $reason ELSE decision_reason END,
                    result = COALESCE($result, result),
                    expires_at = COALESCE($expires, expires_at)
                WHERE id = $id AND status = $from
                """;
            update.Parameters.AddWithValue("$to", to);
            update.Parameters.AddWithValue("$decision", to is ActionStatus.Approved or ActionStatus.Rejected or ActionStatus.Cancelled);
            update.Parameters.AddWithValue("$actor", actor);
            update.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
            update.Parameters.AddWithValue("$result", (object?)result ?? DBNull.Value);
            update.Parameters.AddWithValue("$expires", (object?)expiresAt?.ToString("O") ?? DBNull.Value);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$from", current.Status);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return null;
            }
        }
        await RecordAsync(connection, transaction, id, current.Status, to, actor, role, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    public async Task<IReadOnlyList<ActionTransition>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT action_id, from_status, to_status, actor, role, at, reason FROM action_transitions WHERE action_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<ActionTransition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new ActionTransition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return history;
    }

    public async Task<IReadOnlyList<PendingAction>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
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

    private async Task RecordAsync(SqliteConnection connection, SqliteTransaction transaction, string id, string from, string to, string actor, string role, string? reason, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO action_transitions(action_id, from_status, to_status, actor, role, at, reason) VALUES($id, $from, $to, $actor, $role, $at, $reason)";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$from", from);
        insert.Parameters.AddWithValue("$to", to);
        insert.Parameters.AddWithValue("$actor", actor);
        insert.Parameters.AddWithValue("$role", role);
        insert.Parameters.AddWithValue("$at", (time ?? TimeProvider.System).GetUtcNow().ToString("O"));
        insert.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<PendingAction>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string tail,
        IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM pending_actions {tail}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<PendingAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(new PendingAction(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7), Enum.Parse<ConfirmationPolicy>(reader.GetString(8)), reader.GetString(9), reader.GetString(10),
                DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture), DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15)));
        }
        return actions;
    }
}
