using Assistant.Core.Audit;

namespace Assistant.Core.Actions;

/// <summary>
/// Writes the audit row for each step of an action: every proposal, decision, execution, refusal and permission
/// failure, by whoever took it, with the hash of the arguments it acted on.
/// </summary>
public sealed class ActionAudit(IAuditLog audit)
{
    public Task WriteAsync(Actor actor, string auditEvent, PendingAction action, string outcome, string? detail) =>
        WriteAsync(actor, auditEvent, action.Tool, outcome, action.Id, ArgumentsHash.Compute(action.ArgumentsJson), detail);

    public Task WriteAsync(Actor actor, string auditEvent, string tool, string outcome, string? actionId, string? hash, string? detail) =>
        audit.AppendAsync(new AuditRecord(actor.Username, actor.Role, auditEvent, string.IsNullOrWhiteSpace(tool) ? "(none)" : tool, outcome, actionId, hash, detail),
            // The record of a step must be written even when the caller gave up waiting for the answer.
            CancellationToken.None);
}
