using System.Text.Json;
using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.Executing;

/// <summary>
/// The only code that invokes a tool. It runs an approved action exactly once: the Approved → Executing step is a
/// claim, and of two callers only one gets it. Then the arguments, the requester's account, ownership and limits,
/// and the policy against whoever decided are all checked again against the current records before the tool runs,
/// so a stale preview, a changed limit or a forged status cannot run a tool outside its policy.
/// </summary>
public sealed class ActionExecutor(
    ToolCatalog tools,
    IPendingActionStore store,
    IBackofficeStore backoffice,
    ActionAudit audit,
    ActionOutcomes outcomes,
    TimeProvider time)
{
    /// <param name="note">The approver's note, which a tool may need (how identity was verified).</param>
    public async Task<ActionOutcome> ExecuteAsync(PendingAction approved, Actor decidedBy, string? note, CancellationToken cancellationToken)
    {
        var action = await store.TransitionAsync(approved.Id, [ActionStatus.Approved], ActionStatus.Executing, decidedBy.Username, decidedBy.Role, null, cancellationToken: cancellationToken);
        if (action is null)
        {
            return await outcomes.MovedOnAsync(approved.Id, cancellationToken);
        }
        var requester = new Actor(action.RequestedBy, action.RequesterRole);
        if (tools.Find(action.Tool) is not { } tool)
        {
            return await FailAsync(action, decidedBy, AuditEvent.Failed, $"The tool {action.Tool} is no longer available.", cancellationToken);
        }
        var arguments = JsonDocument.Parse(action.ArgumentsJson).RootElement;
        if (ToolArgumentValidator.Validate(tool.Schema, arguments) is { Count: > 0 } errors)
        {
            return await FailAsync(action, decidedBy, AuditEvent.Denied, $"The arguments no longer pass the tool's schema: {ToolArgumentValidator.Summarize(errors)}", cancellationToken);
        }
        if (requester.Role != tool.Declaration.RequiredRole || await backoffice.GetCustomerAsync(requester.Username, cancellationToken) is not { } customer)
        {
            return await FailAsync(action, decidedBy, AuditEvent.PermissionDenied, $"{requester.Username} may no longer use {tool.Declaration.Name}.", cancellationToken);
        }
        var context = new ToolContext(requester, customer, time.GetUtcNow(), note);
        try
        {
            var preview = await ActionPreviews.PreviewAsync(tool, arguments, context, cancellationToken);
            var policy = ConfirmationPolicies.Stricter(ConfirmationPolicies.Stricter(tool.Declaration.Policy, action.Policy), preview.Policy);
            if (!ActionAccess.Satisfies(policy, decidedBy, requester))
            {
                return await FailAsync(action, decidedBy, AuditEvent.PermissionDenied, $"Policy {policy} is not satisfied by {decidedBy.Username} ({decidedBy.Role}).", cancellationToken);
            }
            var result = (ToolResult)(await tool.Function.InvokeAsync(AssistantTool.Arguments(arguments, context), cancellationToken))!;
            var executed = (await store.TransitionAsync(action.Id, [ActionStatus.Executing], ActionStatus.Executed, decidedBy.Username, decidedBy.Role, null,
                JsonSerializer.Serialize(result, ToolJson.Options), cancellationToken: cancellationToken))!;
            await audit.WriteAsync(decidedBy, AuditEvent.Executed, action, "ok", result.Summary);
            return outcomes.Publish(executed);
        }
        catch (ToolRefusedException refused)
        {
            return await FailAsync(action, decidedBy, refused.Reason == ToolRefusal.NotFound ? AuditEvent.PermissionDenied : AuditEvent.Denied, refused.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await FailAsync(action, decidedBy, AuditEvent.Failed, exception.Message, cancellationToken);
        }
    }

    private Task<ActionOutcome> FailAsync(PendingAction action, Actor decidedBy, string auditEvent, string reason, CancellationToken cancellationToken) =>
        outcomes.FailAsync(action, decidedBy, ActionStatus.Executing, auditEvent, reason, cancellationToken);
}
