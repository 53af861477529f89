namespace Assistant.Core.Backoffice;

/// <summary>An invoice as the customer sees it, numbered like <c>INV-2026-0142</c>.</summary>
public sealed record Invoice(string Id, string CustomerId, string Number, DateOnly IssuedOn, decimal Amount, string Currency, string Status, decimal RefundedAmount)
{
    public const string Paid = "paid";
    public const string Open = "open";
    public const string Refunded = "refunded";
    public const string PartiallyRefunded = "partially-refunded";
}
