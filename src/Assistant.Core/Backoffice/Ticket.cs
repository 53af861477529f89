namespace Assistant.Core.Backoffice;

/// <summary>A support ticket opened on a customer's behalf.</summary>
public sealed record Ticket(string Id, string CustomerId, string Subject, string Body, string Status, DateTimeOffset CreatedAt)
{
    public const string Open = "open";
}
