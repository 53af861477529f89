namespace Assistant.Core.Backoffice;

/// <summary>A customer's plan. <see cref="PricePerSeat"/> is in USD per seat per billing cycle.</summary>
public sealed record Subscription(string Id, string CustomerId, string Plan, int Seats, string BillingCycle, string Status, decimal PricePerSeat, DateOnly RenewsOn)
{
    public const string Monthly = "monthly";
    public const string Annual = "annual";
    public const string Active = "active";
    public const string Cancelled = "cancelled";
}
