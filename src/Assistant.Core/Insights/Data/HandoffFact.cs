namespace Assistant.Core.Insights.Data;

public sealed record HandoffFact(string ConversationId, DateTimeOffset CreatedAt);
