using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Privacy;

namespace Assistant.Web.Conversations;

public sealed record MessageRequest(string? Content);

/// <summary>
/// The verified answer, and when the message asked for an action, its card (Action) or what is missing or refused
/// (ActionPrompt); SensitiveData when card numbers, SSNs or secrets were removed from the message (null otherwise).
/// </summary>
public sealed record MessageResponse(string ConversationId, string MessageId, Answer Answer, ActionView? Action = null, ActionPrompt? ActionPrompt = null,
    SensitiveDataRemoved? SensitiveData = null);

public sealed record ConversationCreated(string Id, DateTimeOffset CreatedAt);
