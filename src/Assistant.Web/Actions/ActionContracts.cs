using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Tools;

namespace Assistant.Web.Actions;

/// <summary>POST /api/actions: which tool, its arguments, and optionally the caller's conversation it belongs to.</summary>
public sealed record ProposeActionRequest(string? Tool, JsonElement Arguments, string? ConversationId);

/// <summary>The body of approve, reject and cancel: why (required to reject, and to approve tools with an approval note).</summary>
public sealed record DecisionRequest(string? Reason);

/// <summary>GET /api/actions/{id}: the action and every status change it went through, oldest first.</summary>
public sealed record ActionDetails(ActionView Action, IReadOnlyList<ActionTransition> History);

/// <summary>GET /api/tools: a tool's declaration and the JSON schema of its arguments.</summary>
public sealed record ToolInfo(
    string Name,
    string Title,
    string Description,
    JsonElement Schema,
    string RequiredRole,
    string Ownership,
    RiskLevel Risk,
    ConfirmationPolicy Policy,
    IReadOnlyList<string> Limits,
    ToolIdempotency Idempotency,
    string? ApprovalNote)
{
    public static ToolInfo From(AssistantTool tool)
    {
        var d = tool.Declaration;
        return new ToolInfo(d.Name, d.Title, d.Description, tool.Schema, d.RequiredRole, d.Ownership, d.Risk, d.Policy, d.Limits, d.Idempotency, d.ApprovalNote);
    }
}
