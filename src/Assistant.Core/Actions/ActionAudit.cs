using Assistant.Core.Audit;
using Assistant.Core.Monitoring;

namespace Assistant.Core.Actions;

/// <summary>
/// Writes the audit row for each step of an action: every proposal, decision, execution, refusal and permission
/// failure, by whoever took it, with the hash of the arguments it acted on. Every step passes here, so the action
/// metrics (steps by tool and status, how long approvals waited) are recorded here too.
/// </summary>
public sealed class ActionAudit(IAuditLog audit, ProductMetrics metrics, TimeProvider time)
{
    public Task WriteAsync(Actor actor, string auditEvent, PendingAction action, string outcome, string? detail)
    {
        if (auditEvent is AuditEvent.Approved or AuditEvent.Rejected)
        {
            metrics.ApprovalDecided(action.Tool, auditEvent, time.GetUtcNow() - action.CreatedAt);
        }
        return WriteAsync(actor, auditEvent, action.Tool, outcome, action.Id, ArgumentsHash.Compute(action.ArgumentsJson), detail);
    }

    public Task WriteAsync(Actor actor, string auditEvent, string tool, string outcome, string? actionId, string? hash, string? detail)
    {
        var name = string.IsNullOrWhiteSpace(tool) ? "(none)" : tool;
        metrics.ActionStep(name, auditEvent, outcome);
        return audit.AppendAsync(new AuditRecord(actor.Username, actor.Role, auditEvent, name, outcome, actionId, hash, detail),
            // The record of a step must be written even when the caller gave up waiting for the answer.
            CancellationToken.None);
    }
}
