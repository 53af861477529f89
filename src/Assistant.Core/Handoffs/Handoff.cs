namespace Assistant.Core.Handoffs;

public sealed record Handoff(string Id, string ConversationId, string Reason, string Status, DateTimeOffset CreatedAt);
