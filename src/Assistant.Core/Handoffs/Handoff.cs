namespace Assistant.Core.Handoffs;

/// <summary>A request for a person: open, then claimed by a support agent, then closed.</summary>
public sealed record Handoff(string Id, string ConversationId, string Reason, string Status, DateTimeOffset CreatedAt, string? ClaimedBy = null)
{
    public const string Open = "open";
    public const string Claimed = "claimed";
    public const string Closed = "closed";
}
