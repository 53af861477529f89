namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>The stored actions with their transitions and audit rows, read once per check.</summary>
internal sealed record ActionHistory(
    IReadOnlyDictionary<string, StoredAction> Actions,
    IReadOnlyList<(string ActionId, string From, string To, string Actor)> Transitions,
    IReadOnlyList<(string ActionId, string Event, string Actor)> Audit)
{
    public static async Task<ActionHistory> ReadAsync(StoredRows data, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // ::text reads the arguments whether the store keeps them as text or jsonb.
        var actions = await data.QueryAsync(tables, "SELECT id, tool, arguments_json::text, requested_by, status, decided_by FROM pending_actions",
            reader => new StoredAction(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)), cancellationToken);
        if (!tables.Contains("action_transitions"))
        {
            return new ActionHistory(actions.ToDictionary(a => a.Id, StringComparer.Ordinal), [], []);
        }
        var transitions = await data.QueryAsync(tables, "SELECT action_id, from_status, to_status, actor FROM action_transitions",
            reader => (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)), cancellationToken);
        var audit = await data.QueryAsync(tables, "SELECT action_id, event, actor FROM audit_log WHERE action_id IS NOT NULL",
            reader => (reader.GetString(0), reader.GetString(1), reader.GetString(2)), cancellationToken);
        return new ActionHistory(actions.ToDictionary(a => a.Id, StringComparer.Ordinal), transitions, audit);
    }
}

internal sealed record StoredAction(string Id, string Tool, string ArgumentsJson, string RequestedBy, string Status, string? DecidedBy);
