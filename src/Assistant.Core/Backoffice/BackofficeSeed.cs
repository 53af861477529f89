using Assistant.Core.Storage;

namespace Assistant.Core.Backoffice;

/// <summary>
/// Demo records for the end-user accounts alice and bob (staff have none). Ids and invoice numbers are fixed so tests
/// and docs can name them; dates are relative to the seeding day so alice's renewal always lies about four months ahead.
/// </summary>
public static class BackofficeSeed
{
    public const string AliceCustomerId = "cus_alice";
    public const string BobCustomerId = "cus_bob";

    /// <summary>Alice's current annual Team charge: 8 seats × $180.00 = $1,440.00, paid.</summary>
    public const string AliceAnnualInvoice = "INV-2026-0142";

    /// <summary>Alice's seat add-on in the previous term: 2 seats × $90.00 (half a year left) = $180.00, paid.</summary>
    public const string AliceSeatAddOnInvoice = "INV-2025-0388";

    /// <summary>Alice's unpaid workflow-run overage: 2 × 10,000 runs × $10.00 = $20.00, open.</summary>
    public const string AliceOpenInvoice = "INV-2026-0471";

    /// <summary>Bob's latest monthly Starter charge: 2 seats × $9.00 = $18.00, paid.</summary>
    public const string BobLatestInvoice = "INV-2026-0455";

    private const string Usd = "USD";

    /// <summary>Seeds the demo records unless any customer exists; true when it inserted them.</summary>
    public static Task<bool> EnsureSeededAsync(SqliteDatabase database, DateOnly? today = null, CancellationToken cancellationToken = default) =>
        EnsureSeededAsync(new SqliteBackofficeStore(database), today, cancellationToken);

    /// <summary>Seeds the demo records unless any customer exists; true when it inserted them.</summary>
    public static Task<bool> EnsureSeededAsync(IBackofficeSeedStore store, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);

        // Alice: Team, annual, 8 seats. Her first term had 6 seats plus 2 added at mid-term; the renewal 8 months ago
        // billed all 8, and this month's run overage is still open.
        var termStart = day.AddMonths(-8);
        // Bob: Starter, monthly, 2 seats, a customer for three months, billed on the same day each month.
        var bobRenews = day.AddDays(10);

        Customer[] customers =
        [
            new(AliceCustomerId, "alice", "Alice Martin", "alice@brightpath.example", "Brightpath Studio"),
            new(BobCustomerId, "bob", "Bob Chen", "bob@chenworks.example", "Chen Works"),
        ];
        Subscription[] subscriptions =
        [
            new("sub_alice", AliceCustomerId, "Team", 8, Subscription.Annual, Subscription.Active, 180.00m, termStart.AddYears(1)),
            new("sub_bob", BobCustomerId, "Starter", 2, Subscription.Monthly, Subscription.Active, 9.00m, bobRenews),
        ];
        Order[] orders =
        [
            new("ord_alice_1", AliceCustomerId, At(termStart.AddYears(-1)), "Team plan, annual: 6 seats × $180.00", 1080.00m, Usd),
            new("ord_alice_2", AliceCustomerId, At(termStart.AddMonths(-6)), "2 additional Team seats, prorated for the 6 months left in the term: 2 × $90.00", 180.00m, Usd),
            new("ord_alice_3", AliceCustomerId, At(termStart), "Team plan renewal, annual: 8 seats × $180.00", 1440.00m, Usd),
            new("ord_bob_1", BobCustomerId, At(bobRenews.AddMonths(-3)), "Starter plan, monthly: 2 seats × $9.00", 18.00m, Usd),
        ];
        Invoice[] invoices =
        [
            Paid("inv_2025_0217", AliceCustomerId, "INV-2025-0217", termStart.AddYears(-1), 1080.00m),
            Paid("inv_2025_0388", AliceCustomerId, AliceSeatAddOnInvoice, termStart.AddMonths(-6), 180.00m),
            Paid("inv_2026_0142", AliceCustomerId, AliceAnnualInvoice, termStart, 1440.00m),
            new("inv_2026_0471", AliceCustomerId, AliceOpenInvoice, day.AddDays(-5), 20.00m, Usd, Invoice.Open, 0.00m),
            Paid("inv_2026_0362", BobCustomerId, "INV-2026-0362", bobRenews.AddMonths(-3), 18.00m),
            Paid("inv_2026_0409", BobCustomerId, "INV-2026-0409", bobRenews.AddMonths(-2), 18.00m),
            Paid("inv_2026_0455", BobCustomerId, BobLatestInvoice, bobRenews.AddMonths(-1), 18.00m),
        ];
        return store.SeedIfEmptyAsync(new BackofficeRecords(customers, subscriptions, orders, invoices), cancellationToken);
    }

    private static Invoice Paid(string id, string customerId, string number, DateOnly issuedOn, decimal amount) =>
        new(id, customerId, number, issuedOn, amount, Usd, Invoice.Paid, 0.00m);

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
}
