namespace Assistant.Core.Backoffice;

/// <summary>A set of backoffice records to load at once (the demo seed).</summary>
public sealed record BackofficeRecords(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<Invoice> Invoices);
