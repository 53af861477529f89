using System.Text.Json;
using Assistant.Core.Actions.Tools;

namespace Assistant.Core.Actions;

/// <summary>
/// A pending action as people see it: in the chat card, the review queue and the API. The preview and result are
/// parsed; Title and ApprovalNote come from the tool's declaration.
/// </summary>
public sealed record ActionView(
    string Id,
    string Tool,
    string Title,
    JsonElement Arguments,
    string ArgumentsHash,
    string RequestedBy,
    string? ConversationId,
    string? MessageId,
    RiskLevel Risk,
    ConfirmationPolicy Policy,
    ToolPreview Preview,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? DecidedBy,
    string? DecisionReason,
    ToolResult? Result,
    string? ApprovalNote)
{
    public bool IsFinal => ActionStatus.IsFinal(Status);

    public static ActionView From(PendingAction action, ToolCatalog tools)
    {
        var declaration = tools.Find(action.Tool)?.Declaration;
        return new ActionView(
            action.Id,
            action.Tool,
            declaration?.Title ?? action.Tool,
            JsonDocument.Parse(action.ArgumentsJson).RootElement.Clone(),
            Audit.ArgumentsHash.Compute(action.ArgumentsJson),
            action.RequestedBy,
            action.ConversationId,
            action.MessageId,
            Enum.TryParse<RiskLevel>(action.Risk, out var risk) ? risk : RiskLevel.High,
            action.Policy,
            JsonSerializer.Deserialize<ToolPreview>(action.Preview, ToolJson.Options)!,
            action.Status,
            action.CreatedAt,
            action.ExpiresAt,
            action.DecidedBy,
            action.DecisionReason,
            action.Result is null ? null : JsonSerializer.Deserialize<ToolResult>(action.Result, ToolJson.Options),
            declaration?.ApprovalNote);
    }
}
