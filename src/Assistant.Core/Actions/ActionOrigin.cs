namespace Assistant.Core.Actions;

/// <summary>Where a proposal came from, kept with it: the conversation and message, and which planner proposed it.</summary>
public sealed record ActionOrigin(string? ConversationId = null, string? MessageId = null, string Source = "api");
