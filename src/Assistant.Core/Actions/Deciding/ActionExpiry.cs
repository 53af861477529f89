namespace Assistant.Core.Actions.Deciding;

/// <summary>
/// Requests nobody decided in time expire: in a sweep every few seconds, and at the moment someone tries to decide
/// one, so a decision between two sweeps still never lands on an expired request.
/// </summary>
public sealed class ActionExpiry(IPendingActionStore store, ActionAudit audit, ActionOutcomes outcomes, TimeProvider time)
{
    /// <summary>Expires every waiting action whose time is up, recording each; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var expired = await store.ExpireDueAsync(time.GetUtcNow(), cancellationToken);
        foreach (var action in expired)
        {
            await audit.WriteAsync(Actor.System, Audit.AuditEvent.Expired, action, "ok", "Not decided in time.");
            outcomes.Publish(action);
        }
        return expired.Count;
    }

    /// <summary>The action as it is, or a conflict when its time ran out (it is expired now) or someone else moved it.</summary>
    public async Task<(PendingAction? Action, ActionOutcome? Problem)> ExpireIfDueAsync(PendingAction action, CancellationToken cancellationToken)
    {
        if (!ActionStatus.Waiting.Contains(action.Status) || action.ExpiresAt > time.GetUtcNow())
        {
            return (action, null);
        }
        if (await store.TransitionAsync(action.Id, [action.Status], ActionStatus.Expired, Actor.System.Username, Actor.System.Role, "not decided in time", cancellationToken: cancellationToken) is { } expired)
        {
            await audit.WriteAsync(Actor.System, Audit.AuditEvent.Expired, action, "ok", "Not decided in time.");
            outcomes.Publish(expired);
            return (null, ActionOutcome.Conflict("This request expired before it was decided; ask again if you still need it.", outcomes.View(expired)));
        }
        return (null, await outcomes.MovedOnAsync(action.Id, cancellationToken));
    }
}
