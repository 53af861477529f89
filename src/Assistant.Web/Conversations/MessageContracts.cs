using Assistant.Core.Answers;

namespace Assistant.Web.Conversations;

public sealed record MessageRequest(string? Content);

public sealed record MessageResponse(string ConversationId, string MessageId, Answer Answer);

public sealed record ConversationCreated(string Id, DateTimeOffset CreatedAt);
