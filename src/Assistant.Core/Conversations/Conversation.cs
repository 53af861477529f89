using Assistant.Core.Answers;

namespace Assistant.Core.Conversations;

public sealed record ConversationMessage(string Id, string Role, string Content, Answer? Answer, DateTimeOffset CreatedAt);

/// <summary>A conversation belongs to the user who started it; only they (and support staff) may read it.</summary>
public sealed record Conversation(string Id, string OwnerId, string? Title, DateTimeOffset CreatedAt, IReadOnlyList<ConversationMessage> Messages);

/// <summary>A conversation as listed: no messages.</summary>
public sealed record ConversationSummary(string Id, string? Title, DateTimeOffset CreatedAt);
