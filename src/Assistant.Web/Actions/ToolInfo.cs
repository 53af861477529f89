using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Tools;

namespace Assistant.Web.Actions;

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
        var declaration = tool.Declaration;
        return new ToolInfo(declaration.Name, declaration.Title, declaration.Description, tool.Schema, declaration.RequiredRole, declaration.Ownership,
            declaration.Risk, declaration.Policy, declaration.Limits, declaration.Idempotency, declaration.ApprovalNote);
    }
}
