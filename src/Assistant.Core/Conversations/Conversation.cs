using Assistant.Core.Answers;

namespace Assistant.Core.Conversations;

public sealed record ConversationMessage(string Id, string Role, string Content, Answer? Answer, DateTimeOffset CreatedAt);

public sealed record Conversation(string Id, string? Title, DateTimeOffset CreatedAt, IReadOnlyList<ConversationMessage> Messages);
