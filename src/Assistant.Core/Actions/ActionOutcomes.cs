using System.Text.Json;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;

namespace Assistant.Core.Actions;

/// <summary>
/// Turns a stored action into what the caller is told, and tells open pages it changed. Shared by proposing,
/// deciding and executing, so every step reports a change, a race lost to another caller and a failure the same way.
/// </summary>
public sealed class ActionOutcomes(IPendingActionStore store, ToolCatalog tools, ActionNotifier notifier, ActionAudit audit)
{
    public ActionView View(PendingAction action) => ActionView.From(action, tools);

    /// <summary>The action changed: open pages hear of it, and the caller gets its view.</summary>
    public ActionOutcome Publish(PendingAction action)
    {
        var view = View(action);
        notifier.Publish(view);
        return ActionOutcome.Ok(view);
    }

    /// <summary>Another caller (or the expiry sweep) moved the action first: a conflict showing where it is now.</summary>
    public async Task<ActionOutcome> MovedOnAsync(string id, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(id, cancellationToken);
        return ActionOutcome.Conflict(current is null ? $"There is no action '{id}'." : $"This request is already {current.Status}.", current is null ? null : View(current));
    }

    /// <summary>Moves the action from <paramref name="from"/> to Failed with the reason as its result, and audits why.</summary>
    public async Task<ActionOutcome> FailAsync(PendingAction action, Actor actor, string from, string auditEvent, string reason, CancellationToken cancellationToken)
    {
        var result = JsonSerializer.Serialize(new ToolResult(reason, []), ToolJson.Options);
        var failed = await store.TransitionAsync(action.Id, [from], ActionStatus.Failed, actor.Username, actor.Role, reason, result, cancellationToken: cancellationToken);
        await audit.WriteAsync(actor, auditEvent, action, auditEvent == AuditEvent.Failed ? "error" : "refused", reason);
        if (failed is null)
        {
            return await MovedOnAsync(action.Id, cancellationToken);
        }
        Publish(failed);
        return ActionOutcome.Conflict(reason, View(failed));
    }
}
