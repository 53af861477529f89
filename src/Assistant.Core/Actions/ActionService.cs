using System.Text.Json;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Privacy;
using Assistant.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions;

/// <summary>Where a proposal came from, kept with it: the conversation and message, and which planner proposed it.</summary>
public sealed record ActionOrigin(string? ConversationId = null, string? MessageId = null, string Source = "api");

/// <summary>
/// The only way a tool runs. A planner (the model, the intent router) or an API client can only propose; this
/// service validates the arguments against the tool's schema, checks the requester's role and ownership through the
/// tool's preview, applies the tool's confirmation policy, and executes once the right person has said yes. At
/// execution everything is checked again against the current records, and the policy against who actually decided,
/// so a stale preview, a changed limit or a forged status cannot run a tool outside its policy. Every proposal,
/// decision, execution, refusal and permission failure is written to the audit log.
/// </summary>
public sealed class ActionService(
    ToolCatalog tools,
    IPendingActionStore store,
    IAuditLog audit,
    IBackofficeStore backoffice,
    ActionNotifier notifier,
    IOptions<ActionOptions> options,
    TimeProvider time)
{
    public IReadOnlyList<AssistantTool> Tools => tools.All;

    public AssistantTool? FindTool(string? name) => tools.Find(name);

    public async Task<ActionOutcome> ProposeAsync(Actor requester, string toolName, JsonElement arguments, ActionOrigin origin, CancellationToken cancellationToken = default)
    {
        // Arguments are stored, previewed, audited, shown to staff and passed to a tool (a ticket's description): card
        // numbers, SSNs and secrets go before any of that, whoever proposed (an API client, the router, a model).
        toolName = SensitiveDataRedactor.Redact(toolName).Text;
        (arguments, _) = JsonRedactor.Redact(arguments);
        var argumentsJson = arguments.ValueKind == JsonValueKind.Undefined ? "{}" : arguments.GetRawText();
        var hash = arguments.ValueKind == JsonValueKind.Object ? ArgumentsHash.Compute(argumentsJson) : null;
        if (tools.Find(toolName) is not { } tool)
        {
            await AuditAsync(requester, AuditEvent.Denied, toolName, "refused", null, hash, $"Unknown tool (from {origin.Source}).");
            return ActionOutcome.Invalid($"There is no tool '{toolName}'.",
                new Dictionary<string, string[]> { ["tool"] = [$"Unknown tool; tools are: {string.Join(", ", tools.All.Select(t => t.Declaration.Name))}."] });
        }
        if (requester.Role != tool.Declaration.RequiredRole)
        {
            await AuditAsync(requester, AuditEvent.PermissionDenied, toolName, "refused", null, hash, $"Role {requester.Role} may not request {toolName}.");
            return ActionOutcome.Forbidden($"Tools act on a customer's own account; a {requester.Role} cannot request them. Support staff approve requests in the review queue instead.");
        }
        var errors = ToolArgumentValidator.Validate(tool.Schema, arguments);
        if (errors.Count > 0)
        {
            await AuditAsync(requester, AuditEvent.Denied, toolName, "invalid", null, hash, Describe(errors));
            return ActionOutcome.Invalid($"The arguments for {toolName} are not valid.", errors);
        }
        if (await backoffice.GetCustomerAsync(requester.Username, cancellationToken) is not { } customer)
        {
            await AuditAsync(requester, AuditEvent.PermissionDenied, toolName, "refused", null, hash, "No customer account.");
            return ActionOutcome.Forbidden($"{requester.Username} has no customer account for tools to act on.");
        }

        var now = time.GetUtcNow();
        ToolPreview preview;
        try
        {
            preview = await PreviewAsync(tool, arguments, new ToolContext(requester, customer, now), cancellationToken);
        }
        catch (ToolRefusedException refused)
        {
            await AuditAsync(requester, refused.Reason == ToolRefusal.NotFound ? AuditEvent.PermissionDenied : AuditEvent.Denied, toolName, "refused", null, hash, refused.Message);
            return refused.Reason == ToolRefusal.NotFound ? ActionOutcome.NotFound(refused.Message) : ActionOutcome.Refused(refused.Message);
        }

        var policy = Stricter(tool.Declaration.Policy, preview.Policy);
        if (!tool.Declaration.IsReadOnly)
        {
            var waiting = await store.ListAsync(ActionStatus.Waiting.ToList(), requester.Username, cancellationToken: cancellationToken);
            // Idempotency: the same request while one is still waiting is that request, not a second one.
            if (waiting.FirstOrDefault(a => a.Tool == toolName && ArgumentsHash.Compute(a.ArgumentsJson) == hash) is { } same)
            {
                return ActionOutcome.Ok(View(same), existing: true);
            }
            if (waiting.Count >= options.Value.MaxWaitingPerUser)
            {
                await AuditAsync(requester, AuditEvent.Denied, toolName, "refused", null, hash, "Too many waiting requests.");
                return ActionOutcome.Refused($"You have {waiting.Count} requests waiting, the most allowed at once. Confirm or cancel some of them first.");
            }
        }

        var action = await store.CreateAsync(new PendingAction(
            Ids.New("act"), toolName, Canonical(arguments), requester.Username, requester.Role, origin.ConversationId, origin.MessageId,
            tool.Declaration.Risk.ToString(), policy, JsonSerializer.Serialize(preview, ToolJson.Options),
            policy == ConfirmationPolicy.None ? ActionStatus.Approved : ActionStatus.AwaitingUser,
            now, now.AddMinutes(options.Value.ConfirmWithinMinutes)), cancellationToken);
        await AuditAsync(requester, AuditEvent.Proposed, toolName, "ok", action.Id, hash, $"{preview.Summary} (proposed by {origin.Source}; policy {policy})");

        // Read-only look-ups of one's own records need nobody's say-so.
        return policy == ConfirmationPolicy.None
            ? await ExecuteAsync(action, requester, null, cancellationToken)
            : Publish(action);
    }

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
            return ActionOutcome.Conflict($"This request is {action.Status}; only a request awaiting your confirmation can be confirmed.", View(action));
        }

        // Check again now: the records may have changed since the preview (an invoice refunded meanwhile).
        ToolPreview fresh;
        try
        {
            fresh = await PreviewAsync(action, actor, cancellationToken);
        }
        catch (ToolRefusedException refused)
        {
            return await FailAsync(action, actor, ActionStatus.AwaitingUser, AuditEvent.Denied, refused.Message, cancellationToken);
        }
        var policy = Stricter(action.Policy, fresh.Policy);
        if (policy == ConfirmationPolicy.User)
        {
            var approved = await store.TransitionAsync(id, [ActionStatus.AwaitingUser], ActionStatus.Approved, actor.Username, actor.Role, "confirmed by the requester", cancellationToken: cancellationToken);
            if (approved is null)
            {
                return await MovedOnAsync(id, cancellationToken);
            }
            await AuditAsync(actor, AuditEvent.Confirmed, action, "ok", null);
            return await ExecuteAsync(approved, actor, null, cancellationToken);
        }
        var submitted = await store.TransitionAsync(id, [ActionStatus.AwaitingUser], ActionStatus.AwaitingApproval, actor.Username, actor.Role,
            "submitted for review", expiresAt: time.GetUtcNow().AddHours(options.Value.ApproveWithinHours), cancellationToken: cancellationToken);
        if (submitted is null)
        {
            return await MovedOnAsync(id, cancellationToken);
        }
        await AuditAsync(actor, AuditEvent.Confirmed, action, "ok", $"Submitted for review ({policy}).");
        return Publish(submitted);
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
            return ActionOutcome.Conflict($"This request is {action!.Status}; it can no longer be cancelled.", View(action));
        }
        await AuditAsync(actor, AuditEvent.Cancelled, action!, "ok", reason);
        return Publish(cancelled);
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
        if (action!.Policy == ConfirmationPolicy.Admin && !approver.IsAdmin)
        {
            await AuditAsync(approver, AuditEvent.PermissionDenied, action, "refused", "Needs an admin's approval.");
            return ActionOutcome.Forbidden($"{View(action).Preview.PolicyReason ?? "This request needs an admin's approval."} Ask an admin to approve it.");
        }
        if (tools.Find(action.Tool)?.Declaration.ApprovalNote is { } required && string.IsNullOrWhiteSpace(note))
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
            return await MovedOnAsync(id, cancellationToken);
        }
        await AuditAsync(approver, AuditEvent.Approved, action, "ok", Trim(note));
        return await ExecuteAsync(approved, approver, Trim(note), cancellationToken);
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
            return await MovedOnAsync(id, cancellationToken);
        }
        await AuditAsync(approver, AuditEvent.Rejected, action!, "ok", reason.Trim());
        return Publish(rejected);
    }

    /// <summary>Expires every waiting action whose time is up, recording each; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var expired = await store.ExpireDueAsync(time.GetUtcNow(), cancellationToken);
        foreach (var action in expired)
        {
            await AuditAsync(Actor.System, AuditEvent.Expired, action, "ok", "Not decided in time.");
            Publish(action);
        }
        return expired.Count;
    }

    /// <summary>The action if the viewer may see it: its requester, or support staff.</summary>
    public async Task<ActionView?> GetAsync(string id, Actor viewer, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) is { } action && (action.RequestedBy == viewer.Username || viewer.IsStaff) ? View(action) : null;

    /// <summary>The viewer's own actions, or for staff everyone's; filtered by status and conversation.</summary>
    public async Task<IReadOnlyList<ActionView>> ListAsync(Actor viewer, IReadOnlyCollection<string> statuses, string? conversationId = null, bool everyone = false,
        CancellationToken cancellationToken = default)
    {
        var requestedBy = everyone && viewer.IsStaff ? null : viewer.Username;
        return [.. (await store.ListAsync(statuses, requestedBy, conversationId, cancellationToken)).Select(View)];
    }

    public Task<IReadOnlyList<ActionTransition>> HistoryAsync(string id, CancellationToken cancellationToken = default) => store.HistoryAsync(id, cancellationToken);

    /// <summary>
    /// Runs an approved action exactly once. The Approved → Executing step is a claim: of two callers only one gets
    /// it. Then the arguments, the requester's account, ownership and limits, and the policy against whoever decided
    /// are all checked again before the tool is invoked.
    /// </summary>
    private async Task<ActionOutcome> ExecuteAsync(PendingAction approved, Actor decidedBy, string? note, CancellationToken cancellationToken)
    {
        var action = await store.TransitionAsync(approved.Id, [ActionStatus.Approved], ActionStatus.Executing, decidedBy.Username, decidedBy.Role, null, cancellationToken: cancellationToken);
        if (action is null)
        {
            return await MovedOnAsync(approved.Id, cancellationToken);
        }
        var requester = new Actor(action.RequestedBy, action.RequesterRole);
        if (tools.Find(action.Tool) is not { } tool)
        {
            return await FailAsync(action, decidedBy, ActionStatus.Executing, AuditEvent.Failed, $"The tool {action.Tool} is no longer available.", cancellationToken);
        }
        var arguments = JsonDocument.Parse(action.ArgumentsJson).RootElement;
        if (ToolArgumentValidator.Validate(tool.Schema, arguments) is { Count: > 0 } errors)
        {
            return await FailAsync(action, decidedBy, ActionStatus.Executing, AuditEvent.Denied, $"The arguments no longer pass the tool's schema: {Describe(errors)}", cancellationToken);
        }
        if (requester.Role != tool.Declaration.RequiredRole || await backoffice.GetCustomerAsync(requester.Username, cancellationToken) is not { } customer)
        {
            return await FailAsync(action, decidedBy, ActionStatus.Executing, AuditEvent.PermissionDenied, $"{requester.Username} may no longer use {tool.Declaration.Name}.", cancellationToken);
        }
        var context = new ToolContext(requester, customer, time.GetUtcNow(), note);
        try
        {
            var preview = await PreviewAsync(tool, arguments, context, cancellationToken);
            var policy = Stricter(Stricter(tool.Declaration.Policy, action.Policy), preview.Policy);
            if (!Satisfies(policy, decidedBy, requester))
            {
                return await FailAsync(action, decidedBy, ActionStatus.Executing, AuditEvent.PermissionDenied,
                    $"Policy {policy} is not satisfied by {decidedBy.Username} ({decidedBy.Role}).", cancellationToken);
            }
            var result = (ToolResult)(await tool.Function.InvokeAsync(AssistantTool.Arguments(arguments, context), cancellationToken))!;
            var executed = (await store.TransitionAsync(action.Id, [ActionStatus.Executing], ActionStatus.Executed, decidedBy.Username, decidedBy.Role, null,
                JsonSerializer.Serialize(result, ToolJson.Options), cancellationToken: cancellationToken))!;
            await AuditAsync(decidedBy, AuditEvent.Executed, action, "ok", result.Summary);
            return Publish(executed);
        }
        catch (ToolRefusedException refused)
        {
            return await FailAsync(action, decidedBy, ActionStatus.Executing, refused.Reason == ToolRefusal.NotFound ? AuditEvent.PermissionDenied : AuditEvent.Denied, refused.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await FailAsync(action, decidedBy, ActionStatus.Executing, AuditEvent.Failed, exception.Message, cancellationToken);
        }
    }

    /// <summary>Who may let a policy through: the requester confirms; staff other than the requester approve; admins for Admin.</summary>
    private static bool Satisfies(ConfirmationPolicy policy, Actor decidedBy, Actor requester) => policy switch
    {
        ConfirmationPolicy.None => decidedBy.Username == requester.Username,
        ConfirmationPolicy.User => decidedBy.Username == requester.Username,
        ConfirmationPolicy.Agent => decidedBy.IsStaff && decidedBy.Username != requester.Username,
        ConfirmationPolicy.Admin => decidedBy.IsAdmin && decidedBy.Username != requester.Username,
        _ => false,
    };

    private static ConfirmationPolicy Stricter(ConfirmationPolicy a, ConfirmationPolicy b) => (ConfirmationPolicy)Math.Max((int)a, (int)b);

    private async Task<ActionOutcome> FailAsync(PendingAction action, Actor actor, string from, string auditEvent, string reason, CancellationToken cancellationToken)
    {
        var result = JsonSerializer.Serialize(new ToolResult(reason, []), ToolJson.Options);
        var failed = await store.TransitionAsync(action.Id, [from], ActionStatus.Failed, actor.Username, actor.Role, reason, result, cancellationToken: cancellationToken);
        await AuditAsync(actor, auditEvent, action, auditEvent == AuditEvent.Failed ? "error" : "refused", reason);
        if (failed is null)
        {
            return await MovedOnAsync(action.Id, cancellationToken);
        }
        Publish(failed);
        return ActionOutcome.Conflict(reason, View(failed));
    }

    private async Task<(PendingAction? Action, ActionOutcome? Problem)> FindForRequesterAsync(string id, Actor actor, string verb, CancellationToken cancellationToken)
    {
        var action = await store.GetAsync(id, cancellationToken);
        if (action is null || (action.RequestedBy != actor.Username && !actor.IsStaff))
        {
            return (null, ActionOutcome.NotFound($"There is no action '{id}'."));
        }
        if (action.RequestedBy != actor.Username)
        {
            await AuditAsync(actor, AuditEvent.PermissionDenied, action, "refused", $"Only the requester may {verb}.");
            return (null, ActionOutcome.Forbidden($"Only {action.RequestedBy}, who asked for this, can {verb} it. Staff approve or reject requests in the review queue."));
        }
        return await ExpireIfDueAsync(action, cancellationToken);
    }

    private async Task<(PendingAction? Action, ActionOutcome? Problem)> FindForApproverAsync(string id, Actor approver, string verb, CancellationToken cancellationToken)
    {
        var action = await store.GetAsync(id, cancellationToken);
        if (!approver.IsStaff)
        {
            if (action is not null)
            {
                await AuditAsync(approver, AuditEvent.PermissionDenied, action, "refused", $"Only support staff may {verb}.");
            }
            // Forbidden whether or not the id exists, so a customer learns nothing about other people's requests.
            return (null, ActionOutcome.Forbidden(action?.RequestedBy == approver.Username
                ? $"Only support staff can {verb} requests; yours is waiting for them."
                : $"Only support staff can {verb} requests."));
        }
        if (action is null)
        {
            return (null, ActionOutcome.NotFound($"There is no action '{id}'."));
        }
        if (action.RequestedBy == approver.Username)
        {
            await AuditAsync(approver, AuditEvent.PermissionDenied, action, "refused", $"May not {verb} their own request.");
            return (null, ActionOutcome.Forbidden($"You cannot {verb} your own request; another member of staff has to."));
        }
        var (current, expired) = await ExpireIfDueAsync(action, cancellationToken);
        if (expired is not null)
        {
            return (null, expired);
        }
        return current!.Status == ActionStatus.AwaitingApproval
            ? (current, null)
            : (null, ActionOutcome.Conflict($"This request is {current.Status}, not awaiting approval.", View(current)));
    }

    /// <summary>The sweeper runs every few seconds; a decision in between must still not land on an expired request.</summary>
    private async Task<(PendingAction? Action, ActionOutcome? Problem)> ExpireIfDueAsync(PendingAction action, CancellationToken cancellationToken)
    {
        if (!ActionStatus.Waiting.Contains(action.Status) || action.ExpiresAt > time.GetUtcNow())
        {
            return (action, null);
        }
        if (await store.TransitionAsync(action.Id, [action.Status], ActionStatus.Expired, Actor.System.Username, Actor.System.Role, "not decided in time", cancellationToken: cancellationToken) is { } expired)
        {
            await AuditAsync(Actor.System, AuditEvent.Expired, action, "ok", "Not decided in time.");
            Publish(expired);
            return (null, ActionOutcome.Conflict("This request expired before it was decided; ask again if you still need it.", View(expired)));
        }
        return (null, await MovedOnAsync(action.Id, cancellationToken));
    }

    private async Task<ActionOutcome> MovedOnAsync(string id, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(id, cancellationToken);
        return ActionOutcome.Conflict(current is null ? $"There is no action '{id}'." : $"This request is already {current.Status}.", current is null ? null : View(current));
    }

    private async Task<ToolPreview> PreviewAsync(PendingAction action, Actor requester, CancellationToken cancellationToken)
    {
        var tool = tools.Find(action.Tool) ?? throw new ToolRefusedException(ToolRefusal.Limit, $"The tool {action.Tool} is no longer available.");
        var customer = await backoffice.GetCustomerAsync(action.RequestedBy, cancellationToken)
            ?? throw new ToolRefusedException(ToolRefusal.NotFound, $"{action.RequestedBy} has no customer account.");
        return await PreviewAsync(tool, JsonDocument.Parse(action.ArgumentsJson).RootElement, new ToolContext(requester, customer, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>The policy conflict as of now (a charge ages out of its window while it waits); the stored one if the records moved on.</summary>
    private async Task<string?> ConflictAsync(PendingAction action, CancellationToken cancellationToken)
    {
        try
        {
            return (await PreviewAsync(action, new Actor(action.RequestedBy, action.RequesterRole), cancellationToken)).Conflict;
        }
        catch (ToolRefusedException)
        {
            return View(action).Preview.Conflict;
        }
    }

    private static async Task<ToolPreview> PreviewAsync(AssistantTool tool, JsonElement arguments, ToolContext context, CancellationToken cancellationToken) =>
        (ToolPreview)(await tool.PreviewFunction.InvokeAsync(AssistantTool.Arguments(arguments, context), cancellationToken))!;

    private ActionOutcome Publish(PendingAction action)
    {
        var view = View(action);
        notifier.Publish(view);
        return ActionOutcome.Ok(view);
    }

    private ActionView View(PendingAction action) => ActionView.From(action, tools);

    private Task AuditAsync(Actor actor, string auditEvent, PendingAction action, string outcome, string? detail) =>
        AuditAsync(actor, auditEvent, action.Tool, outcome, action.Id, ArgumentsHash.Compute(action.ArgumentsJson), detail);

    private Task AuditAsync(Actor actor, string auditEvent, string tool, string outcome, string? actionId, string? hash, string? detail) =>
        audit.AppendAsync(new AuditRecord(actor.Username, actor.Role, auditEvent, string.IsNullOrWhiteSpace(tool) ? "(none)" : tool, outcome, actionId, hash, detail),
            // The record of a step must be written even when the caller gave up waiting for the answer.
            CancellationToken.None);

    private static string Canonical(JsonElement arguments) => ArgumentsHash.Canonicalize(arguments);

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
}
