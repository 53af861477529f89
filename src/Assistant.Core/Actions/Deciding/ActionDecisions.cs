using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.Executing;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Operations;
using Assistant.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions.Deciding;

/// <summary>
/// Someone says yes or no to a waiting request: its requester confirms or cancels; support staff approve or reject
/// it in the review queue. Each decision is one guarded status change (of two deciders only one wins), is audited,
/// and an approval hands the request to <see cref="ActionExecutor"/>, which runs it once.
/// </summary>
public sealed class ActionDecisions(
    ToolCatalog tools,
    IPendingActionStore store,
    ActionAccess access,
    ActionExpiry expiry,
    ActionPreviews previews,
    ActionAudit audit,
    ActionOutcomes outcomes,
    ActionExecutor executor,
    OperationsSwitches switches,
    IOptions<ActionOptions> options,
    TimeProvider time)
{
    /// <summary>The requester says yes to the preview: a user-confirmed tool runs now; an approval tool goes to the review queue.</summary>
    public async Task<ActionOutcome> ConfirmAsync(string id, Actor actor, CancellationToken cancellationToken = default)
    {
        var (action, problem) = await FindForRequesterAsync(id, actor, "confirm", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (action!.Status != ActionStatus.AwaitingUser)
        {
            return ActionOutcome.Conflict($"This request is {action.Status}; only a request awaiting your confirmation can be confirmed.", outcomes.View(action));
        }
        if (await ToolOffAsync(action, actor, cancellationToken) is { } off)
        {
            return off;
        }

        // Check again now: the records may have changed since the preview (an invoice refunded meanwhile).
        ToolPreview fresh;
        try
        {
            fresh = await previews.PreviewAsync(action, actor, cancellationToken);
        }
        catch (ToolRefusedException refused)
        {
            return await outcomes.FailAsync(action, actor, ActionStatus.AwaitingUser, AuditEvent.Denied, refused.Message, cancellationToken);
        }
        var policy = ConfirmationPolicies.Stricter(action.Policy, fresh.Policy);
        if (policy == ConfirmationPolicy.User)
        {
            var approved = await store.TransitionAsync(id, [ActionStatus.AwaitingUser], ActionStatus.Approved, actor.Username, actor.Role, "confirmed by the requester", cancellationToken: cancellationToken);
            if (approved is null)
            {
                return await outcomes.MovedOnAsync(id, cancellationToken);
            }
            await audit.WriteAsync(actor, AuditEvent.Confirmed, action, "ok", null);
            return await executor.ExecuteAsync(approved, actor, null, cancellationToken);
        }
        var submitted = await store.TransitionAsync(id, [ActionStatus.AwaitingUser], ActionStatus.AwaitingApproval, actor.Username, actor.Role,
            "submitted for review", expiresAt: time.GetUtcNow().AddHours(options.Value.ApproveWithinHours), cancellationToken: cancellationToken);
        if (submitted is null)
        {
            return await outcomes.MovedOnAsync(id, cancellationToken);
        }
        await audit.WriteAsync(actor, AuditEvent.Confirmed, action, "ok", $"Submitted for review ({policy}).");
        return outcomes.Publish(submitted);
    }

    /// <summary>The requester withdraws a request that is still waiting.</summary>
    public async Task<ActionOutcome> CancelAsync(string id, Actor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        reason = SensitiveDataRedactor.Clean(reason);
        var (action, problem) = await FindForRequesterAsync(id, actor, "cancel", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var cancelled = await store.TransitionAsync(id, ActionStatus.Waiting.ToList(), ActionStatus.Cancelled, actor.Username, actor.Role,
            string.IsNullOrWhiteSpace(reason) ? "cancelled by the requester" : reason.Trim(), cancellationToken: cancellationToken);
        if (cancelled is null)
        {
            return ActionOutcome.Conflict($"This request is {action!.Status}; it can no longer be cancelled.", outcomes.View(action));
        }
        await audit.WriteAsync(actor, AuditEvent.Cancelled, action!, "ok", reason);
        return outcomes.Publish(cancelled);
    }

    /// <summary>A support agent (or an admin, when the policy says so) approves; the tool then runs once.</summary>
    public async Task<ActionOutcome> ApproveAsync(string id, Actor approver, string? note, CancellationToken cancellationToken = default)
    {
        note = SensitiveDataRedactor.Clean(note);
        var (action, problem) = await FindForApproverAsync(id, approver, "approve", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (await access.CheckApproverMeetsPolicyAsync(action!, approver) is { } forbidden)
        {
            return forbidden;
        }
        if (await ToolOffAsync(action!, approver, cancellationToken) is { } off)
        {
            return off;
        }
        if (tools.Find(action!.Tool)?.Declaration.ApprovalNote is { } required && string.IsNullOrWhiteSpace(note))
        {
            return ActionOutcome.Invalid("Approving this request needs a note.", new Dictionary<string, string[]> { ["reason"] = [$"Required: {required}."] });
        }
        // A request against a published policy (a refund outside its window) may still be right, but not silently.
        if (string.IsNullOrWhiteSpace(note) && await ConflictAsync(action, cancellationToken) is { } conflict)
        {
            return ActionOutcome.Invalid("Approving a request that conflicts with policy needs a reason.",
                new Dictionary<string, string[]> { ["reason"] = [$"Required: {conflict} Say why an exception is right."] });
        }
        var approved = await store.TransitionAsync(id, [ActionStatus.AwaitingApproval], ActionStatus.Approved, approver.Username, approver.Role, Trim(note), cancellationToken: cancellationToken);
        if (approved is null)
        {
            return await outcomes.MovedOnAsync(id, cancellationToken);
        }
        await audit.WriteAsync(approver, AuditEvent.Approved, action, "ok", Trim(note));
        return await executor.ExecuteAsync(approved, approver, Trim(note), cancellationToken);
    }

    public async Task<ActionOutcome> RejectAsync(string id, Actor approver, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ActionOutcome.Invalid("Rejecting needs a reason.", new Dictionary<string, string[]> { ["reason"] = ["Say why, so the customer knows what to do next."] });
        }
        reason = SensitiveDataRedactor.Clean(reason);
        var (action, problem) = await FindForApproverAsync(id, approver, "reject", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var rejected = await store.TransitionAsync(id, [ActionStatus.AwaitingApproval], ActionStatus.Rejected, approver.Username, approver.Role, reason.Trim(), cancellationToken: cancellationToken);
        if (rejected is null)
        {
            return await outcomes.MovedOnAsync(id, cancellationToken);
        }
        await audit.WriteAsync(approver, AuditEvent.Rejected, action!, "ok", reason.Trim());
        return outcomes.Publish(rejected);
    }

    /// <summary>The requester's own request, unless its time ran out.</summary>
    private async Task<(PendingAction? Action, ActionOutcome? Problem)> FindForRequesterAsync(string id, Actor actor, string verb, CancellationToken cancellationToken)
    {
        var (action, problem) = await access.FindForRequesterAsync(id, actor, verb, cancellationToken);
        return problem is not null ? (null, problem) : await expiry.ExpireIfDueAsync(action!, cancellationToken);
    }

    /// <summary>Someone else's request that staff may decide, still awaiting approval and in time.</summary>
    private async Task<(PendingAction? Action, ActionOutcome? Problem)> FindForApproverAsync(string id, Actor approver, string verb, CancellationToken cancellationToken)
    {
        var (action, problem) = await access.FindForApproverAsync(id, approver, verb, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        var (current, expired) = await expiry.ExpireIfDueAsync(action!, cancellationToken);
        if (expired is not null)
        {
            return (null, expired);
        }
        return current!.Status == ActionStatus.AwaitingApproval
            ? (current, null)
            : (null, ActionOutcome.Conflict($"This request is {current.Status}, not awaiting approval.", outcomes.View(current)));
    }

    /// <summary>The policy conflict as of now (a charge ages out of its window while it waits); the stored one if the records moved on.</summary>
    private async Task<string?> ConflictAsync(PendingAction action, CancellationToken cancellationToken)
    {
        try
        {
            return (await previews.PreviewAsync(action, new Actor(action.RequestedBy, action.RequesterRole), cancellationToken)).Conflict;
        }
        catch (ToolRefusedException)
        {
            return outcomes.View(action).Preview.Conflict;
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A request for a tool an admin turned off is neither confirmed nor approved (so it cannot run); it stays waiting
    /// and can be decided once the tool is back on, or it expires as usual.
    /// </summary>
    private async Task<ActionOutcome?> ToolOffAsync(PendingAction action, Actor actor, CancellationToken cancellationToken)
    {
        if (!(await switches.CurrentAsync(cancellationToken)).Settings.IsToolOff(action.Tool))
        {
            return null;
        }
        await audit.WriteAsync(actor, AuditEvent.Denied, action, "refused", "The tool is turned off.");
        return ActionOutcome.Refused(OperationsNotices.ToolOff(action.Tool));
    }
}
