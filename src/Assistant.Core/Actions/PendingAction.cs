namespace Assistant.Core.Actions;

/// <summary>
/// A tool call proposed in a conversation, stored durably until it is decided and executed. The preview is what
/// the user and the approver saw ("Plan: Team → Business; price per seat $18 → $30 from 1 Dec"), kept with the
/// decision as evidence (as JSON: a <see cref="Tools.ToolPreview"/>). MessageId is the user's message that led to the
/// proposal, so the chat can show the card under it; Result is a <see cref="Tools.ToolResult"/> as JSON once executed
/// or failed.
/// </summary>
public sealed record PendingAction(
    string Id,
    string Tool,
    string ArgumentsJson,
    string RequestedBy,
    string RequesterRole,
    string? ConversationId,
    string? MessageId,
    string Risk,
    ConfirmationPolicy Policy,
    string Preview,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? DecidedBy = null,
    string? DecisionReason = null,
    string? Result = null);

/// <summary>One status change with who made it, as what, when and why.</summary>
public sealed record ActionTransition(string ActionId, string From, string To, string Actor, string Role, DateTimeOffset At, string? Reason);
