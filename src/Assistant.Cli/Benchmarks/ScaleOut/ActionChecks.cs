namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// Pending actions, their transitions and the audit log: every action, confirmation and approval a user saw succeed
/// is recorded, and every executed action ran exactly once with its audit rows.
/// </summary>
internal static class ActionChecks
{
    public const string ProposedName = "Proposed actions stored";
    public const string ConfirmedName = "Confirmations recorded";
    public const string ApprovedName = "Approvals recorded (none lost)";
    public const string ExecutedName = "Executed actions executed once, with audit rows";
    public const string DuplicatesName = "No duplicate executions or approvals";

    private static readonly string[] ActionTables = ["pending_actions"];
    private static readonly string[] HistoryTables = ["pending_actions", "action_transitions", "audit_log"];

    public static async Task<CheckResult> ProposedAsync(StoredRows data, WriteLedger ledger, CancellationToken cancellationToken)
    {
        var proposed = ledger.Proposed.ToArray();
        var stored = (await ActionsAsync(data, cancellationToken)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var missing = proposed.Count(p => !stored.Contains(p.Id));
        return CheckResult.Of(ProposedName, proposed.Length, missing, $"{proposed.Length} proposed (201), {missing} missing");
    }

    public static async Task<CheckResult> ConfirmedAsync(StoredRows data, WriteLedger ledger, CancellationToken cancellationToken)
    {
        var history = await ActionHistory.ReadAsync(data, HistoryTables, cancellationToken);
        var confirmed = ledger.Confirmed.ToArray();
        var missing = confirmed.Count(c =>
            !history.Transitions.Any(t => t.ActionId == c.ActionId && t.From == "awaiting-user" && t.Actor == c.Actor)
            || !history.Audit.Any(a => a.ActionId == c.ActionId && a.Event == "confirmed" && a.Actor == c.Actor));
        return CheckResult.Of(ConfirmedName, confirmed.Length, missing, $"{confirmed.Length} confirmed (200), {missing} without their transition or audit row");
    }

    public static async Task<CheckResult> ApprovedAsync(StoredRows data, WriteLedger ledger, CancellationToken cancellationToken)
    {
        var history = await ActionHistory.ReadAsync(data, HistoryTables, cancellationToken);
        var approved = ledger.Approved.ToArray();
        var lost = approved.Count(a =>
            !history.Actions.TryGetValue(a.ActionId, out var action) || action.DecidedBy != a.Actor
            || !history.Transitions.Any(t => t.ActionId == a.ActionId && t.To == "approved" && t.Actor == a.Actor)
            || !history.Audit.Any(e => e.ActionId == a.ActionId && e.Event == "approved" && e.Actor == a.Actor));
        return CheckResult.Of(ApprovedName, approved.Length, lost, $"{approved.Length} approved (200), {lost} not recorded as that agent's approval");
    }

    /// <summary>Every executed action in the database has one executed transition and one executed audit row; every execution a user saw is there.</summary>
    public static async Task<CheckResult> ExecutedOnceAsync(StoredRows data, WriteLedger ledger, CancellationToken cancellationToken)
    {
        var history = await ActionHistory.ReadAsync(data, HistoryTables, cancellationToken);
        var executed = history.Actions.Values.Where(a => a.Status == "executed").ToList();
        var transitions = history.Transitions.Where(t => t.To == "executed").CountBy(t => t.ActionId).ToDictionary();
        var audits = history.Audit.Where(e => e.Event == "executed").CountBy(e => e.ActionId).ToDictionary();
        var wrong = executed.Count(a => transitions.GetValueOrDefault(a.Id) != 1 || audits.GetValueOrDefault(a.Id) != 1);
        var seen = ledger.Confirmed.Concat(ledger.Approved).Where(d => d.Status == "executed").Select(d => d.ActionId).Distinct().ToList();
        var notExecuted = seen.Count(id => !history.Actions.TryGetValue(id, out var action) || action.Status != "executed");
        return CheckResult.Of(ExecutedName, executed.Count, wrong + notExecuted,
            $"{executed.Count} executed in the database ({seen.Count} seen executed by users): {wrong} without exactly one executed transition and audit row, " +
            $"{notExecuted} seen executed but not executed in the database");
    }

    /// <summary>Across every action in the database, not only the ones users saw: none executed or approved twice.</summary>
    public static async Task<CheckResult> NoDuplicatesAsync(StoredRows data, CancellationToken cancellationToken)
    {
        var history = await ActionHistory.ReadAsync(data, HistoryTables, cancellationToken);
        var executedTwice = history.Transitions.Where(t => t.To == "executed").CountBy(t => t.ActionId).Count(c => c.Value > 1);
        var auditedTwice = history.Audit.Where(e => e.Event == "executed").CountBy(e => e.ActionId).Count(c => c.Value > 1);
        var approvedTwice = history.Transitions.Where(t => t.To == "approved").CountBy(t => t.ActionId).Count(c => c.Value > 1);
        return CheckResult.Of(DuplicatesName, history.Actions.Count, executedTwice + auditedTwice + approvedTwice,
            $"{history.Actions.Count} actions: {executedTwice} executed twice, {auditedTwice} with two executed audit rows, {approvedTwice} approved twice");
    }

    private static async Task<List<StoredAction>> ActionsAsync(StoredRows data, CancellationToken cancellationToken) =>
        (await ActionHistory.ReadAsync(data, ActionTables, cancellationToken)).Actions.Values.ToList();
}
