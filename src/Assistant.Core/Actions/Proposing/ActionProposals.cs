using System.Text.Json;
using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.Executing;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Operations;
using Assistant.Core.Privacy;
using Assistant.Core.Releases;
using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions.Proposing;

/// <summary>
/// The one way into the approval queue. A planner (the model, the intent router, a Semantic Kernel filter) or an API
/// client can only propose: the arguments are redacted and validated against the tool's schema, the requester's role
/// and account checked, the tool's preview made (ownership, limits, conflicts), a repeat of a waiting request
/// answered with that request, and the per-user limit of waiting requests applied. Read-only look-ups, which need
/// nobody's say-so, run at once; anything else waits for the confirmation its policy requires.
/// </summary>
public sealed class ActionProposals(
    ToolCatalog tools,
    IPendingActionStore store,
    ActionAccess access,
    ActionAudit audit,
    ActionOutcomes outcomes,
    ActionExecutor executor,
    OperationsSwitches switches,
    IVersionSelector versions,
    IOptions<ActionOptions> options,
    TimeProvider time)
{
    /// <summary>The tools one can propose.</summary>
    public ToolCatalog Tools => tools;

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
            await audit.WriteAsync(requester, AuditEvent.Denied, toolName, "refused", null, hash, $"Unknown tool (from {origin.Source}).");
            return ActionOutcome.Invalid($"There is no tool '{toolName}'.",
                new Dictionary<string, string[]> { ["tool"] = [$"Unknown tool; tools are: {string.Join(", ", tools.All.Select(t => t.Declaration.Name))}."] });
        }
        if ((await switches.CurrentAsync(cancellationToken)).Settings.IsToolOff(toolName))
        {
            await audit.WriteAsync(requester, AuditEvent.Denied, toolName, "refused", null, hash, $"The tool is turned off (from {origin.Source}).");
            return ActionOutcome.Refused(OperationsNotices.ToolOff(toolName));
        }
        // The version answering this user names the tools it may propose; any other is refused like a switched-off one.
        if ((await versions.ChooseAsync(requester.Username, cancellationToken)).Version is var version && !VersionNotices.Enables(version, toolName))
        {
            await audit.WriteAsync(requester, AuditEvent.Denied, toolName, "refused", null, hash, $"Assistant version '{version.Id}' does not enable the tool (from {origin.Source}).");
            return ActionOutcome.Refused(VersionNotices.ToolNotEnabled(toolName, version.Id));
        }
        if (await access.CheckRequesterRoleAsync(requester, tool, hash) is { } forbidden)
        {
            return forbidden;
        }
        var errors = ToolArgumentValidator.Validate(tool.Schema, arguments);
        if (errors.Count > 0)
        {
            await audit.WriteAsync(requester, AuditEvent.Denied, toolName, "invalid", null, hash, ToolArgumentValidator.Summarize(errors));
            return ActionOutcome.Invalid($"The arguments for {toolName} are not valid.", errors);
        }
        var (customer, noAccount) = await access.FindCustomerAsync(requester, toolName, hash, cancellationToken);
        if (noAccount is not null)
        {
            return noAccount;
        }

        var now = time.GetUtcNow();
        ToolPreview preview;
        try
        {
            preview = await ActionPreviews.PreviewAsync(tool, arguments, new ToolContext(requester, customer!, now), cancellationToken);
        }
        catch (ToolRefusedException refused)
        {
            await audit.WriteAsync(requester, refused.Reason == ToolRefusal.NotFound ? AuditEvent.PermissionDenied : AuditEvent.Denied, toolName, "refused", null, hash, refused.Message);
            return refused.Reason == ToolRefusal.NotFound ? ActionOutcome.NotFound(refused.Message) : ActionOutcome.Refused(refused.Message);
        }

        var policy = ConfirmationPolicies.Stricter(tool.Declaration.Policy, preview.Policy);
        if (!tool.Declaration.IsReadOnly && await WaitingAsync(requester, toolName, hash, cancellationToken) is { } waiting)
        {
            return waiting;
        }

        var action = await store.CreateAsync(new PendingAction(
            Ids.New("act"), toolName, ArgumentsHash.Canonicalize(arguments), requester.Username, requester.Role, origin.ConversationId, origin.MessageId,
            tool.Declaration.Risk.ToString(), policy, JsonSerializer.Serialize(preview, ToolJson.Options),
            policy == ConfirmationPolicy.None ? ActionStatus.Approved : ActionStatus.AwaitingUser,
            now, now.AddMinutes(options.Value.ConfirmWithinMinutes)), cancellationToken);
        await audit.WriteAsync(requester, AuditEvent.Proposed, toolName, "ok", action.Id, hash, $"{preview.Summary} (proposed by {origin.Source}; policy {policy})");

        // Read-only look-ups of one's own records need nobody's say-so.
        return policy == ConfirmationPolicy.None
            ? await executor.ExecuteAsync(action, requester, null, cancellationToken)
            : outcomes.Publish(action);
    }

    /// <summary>
    /// The same request while one is still waiting is that request, not a second one (idempotency); past the
    /// per-user limit of waiting requests, a refusal. Null when a new request may be stored.
    /// </summary>
    private async Task<ActionOutcome?> WaitingAsync(Actor requester, string toolName, string? hash, CancellationToken cancellationToken)
    {
        var waiting = await store.ListAsync(ActionStatus.Waiting.ToList(), requester.Username, cancellationToken: cancellationToken);
        if (waiting.FirstOrDefault(a => a.Tool == toolName && ArgumentsHash.Compute(a.ArgumentsJson) == hash) is { } same)
        {
            return ActionOutcome.Ok(outcomes.View(same), existing: true);
        }
        if (waiting.Count >= options.Value.MaxWaitingPerUser)
        {
            await audit.WriteAsync(requester, AuditEvent.Denied, toolName, "refused", null, hash, "Too many waiting requests.");
            return ActionOutcome.Refused($"You have {waiting.Count} requests waiting, the most allowed at once. Confirm or cancel some of them first.");
        }
        return null;
    }
}
