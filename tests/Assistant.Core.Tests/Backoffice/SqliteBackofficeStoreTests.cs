using Assistant.Core.Backoffice;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Backoffice;

public sealed class SqliteBackofficeStoreTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private readonly string _root = Directory.CreateTempSubdirectory("assistant-backoffice-").FullName;
    private readonly SqliteDatabase _database;
    private readonly SqliteBackofficeStore _store;

    public SqliteBackofficeStoreTests()
    {
        _database = new SqliteDatabase(Path.Combine(_root, "assistant.db"));
        _store = new SqliteBackofficeStore(_database);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task SeedAsync() => BackofficeSeed.EnsureSeededAsync(_store, Today, Cancel);

    [Fact]
    public async Task Seeding_runs_once()
    {
        Assert.True(await BackofficeSeed.EnsureSeededAsync(_database, Today, Cancel));
        Assert.False(await BackofficeSeed.EnsureSeededAsync(_database, Today, Cancel));
        // A fresh process (new database object on the same file) sees the seeded data and skips too.
        Assert.False(await BackofficeSeed.EnsureSeededAsync(new SqliteDatabase(Path.Combine(_root, "assistant.db")), Today.AddDays(3), Cancel));

        Assert.Equal(4, (await _store.ListInvoicesAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
        Assert.Equal(3, (await _store.ListOrdersAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
        Assert.Equal(3, (await _store.ListInvoicesAsync(BackofficeSeed.BobCustomerId, Cancel)).Count);
    }

    [Fact]
    public async Task Seeded_accounts_match_the_demo_users_and_the_price_list()
    {
        await SeedAsync();

        var alice = await _store.GetCustomerAsync("alice", Cancel);
        Assert.Equal(new Customer(BackofficeSeed.AliceCustomerId, "alice", "Alice Martin", "alice@brightpath.example", "Brightpath Studio"), alice);
        var subscription = (await _store.GetSubscriptionAsync(alice!.Id, Cancel))!;
        Assert.Equal(("Team", 8, "annual", "active", 180m), (subscription.Plan, subscription.Seats, subscription.BillingCycle, subscription.Status, subscription.PricePerSeat));
        Assert.Equal(new DateOnly(2027, 3, 22), subscription.RenewsOn);

        var invoices = await _store.ListInvoicesAsync(alice.Id, Cancel);
        Assert.Equal(["INV-2026-0471", "INV-2026-0142", "INV-2025-0388", "INV-2025-0217"], invoices.Select(i => i.Number));
        Assert.Equal(["open", "paid", "paid", "paid"], invoices.Select(i => i.Status));
        Assert.Equal(8 * 180m, invoices.Single(i => i.Number == BackofficeSeed.AliceAnnualInvoice).Amount);
        Assert.Equal("1440.00", invoices.Single(i => i.Number == BackofficeSeed.AliceAnnualInvoice).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var bob = (await _store.GetCustomerAsync("bob", Cancel))!;
        Assert.Equal(("Bob Chen", "bob@chenworks.example", "Chen Works"), (bob.Name, bob.Email, bob.Company));
        var bobSubscription = (await _store.GetSubscriptionAsync(bob.Id, Cancel))!;
        Assert.Equal(("Starter", 2, "monthly", 9m), (bobSubscription.Plan, bobSubscription.Seats, bobSubscription.BillingCycle, bobSubscription.PricePerSeat));
        Assert.All(await _store.ListInvoicesAsync(bob.Id, Cancel), i => Assert.Equal((18m, "paid", "USD"), (i.Amount, i.Status, i.Currency)));

        Assert.Null(await _store.GetCustomerAsync("sam", Cancel));
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_invoices()
    {
        await SeedAsync();

        Assert.Null(await _store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.BobLatestInvoice, Cancel));
        Assert.NotNull(await _store.GetInvoiceAsync(BackofficeSeed.BobCustomerId, BackofficeSeed.BobLatestInvoice, Cancel));
        Assert.Equal(BackofficeSeed.AliceAnnualInvoice, (await _store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, "inv-2026-0142", Cancel))?.Number);
        Assert.All(await _store.ListInvoicesAsync(BackofficeSeed.AliceCustomerId, Cancel), i => Assert.Equal(BackofficeSeed.AliceCustomerId, i.CustomerId));
    }

    [Fact]
    public async Task Changing_plan_prices_seats_from_the_catalog()
    {
        await SeedAsync();
        var before = (await _store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel))!;

        var business = await _store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "business", cancellationToken: Cancel);
        Assert.Equal(before with { Plan = "Business", PricePerSeat = 300m }, business);

        var monthly = await _store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "Starter", "Monthly", Cancel);
        Assert.Equal(before with { Plan = "Starter", BillingCycle = "monthly", PricePerSeat = 9m }, monthly);
        Assert.Equal(monthly, await _store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel));
    }

    [Fact]
    public async Task Unknown_plans_and_Enterprise_are_refused_with_a_clear_message()
    {
        await SeedAsync();
        var before = await _store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel);

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "Platinum", cancellationToken: Cancel));
        Assert.Contains("Unknown plan 'Platinum'", unknown.Message);
        Assert.Contains("Business", unknown.Message);

        var enterprise = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "enterprise", cancellationToken: Cancel));
        Assert.Contains("Enterprise", enterprise.Message);
        Assert.Contains("custom quote", enterprise.Message);

        var cycle = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "Team", "weekly", Cancel));
        Assert.Contains("weekly", cycle.Message);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ChangePlanAsync("cus_nobody", "Team", cancellationToken: Cancel));
        Assert.Equal(before, await _store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel));
    }

    [Fact]
    public async Task A_full_refund_marks_the_invoice_refunded()
    {
        await SeedAsync();

        var refunded = await _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1440.00m, Cancel);

        Assert.Equal((Invoice.Refunded, 1440m), (refunded.Status, refunded.RefundedAmount));
        Assert.Equal(refunded, await _store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1m, Cancel));
        Assert.Contains("already been refunded", again.Message);
    }

    [Fact]
    public async Task Partial_refunds_add_up_until_the_invoice_is_refunded()
    {
        await SeedAsync();

        var partial = await _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1320.00m, Cancel);
        Assert.Equal((Invoice.PartiallyRefunded, 1320m, 1440m), (partial.Status, partial.RefundedAmount, partial.Amount));

        var rest = await _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 120.00m, Cancel);
        Assert.Equal((Invoice.Refunded, 1440m), (rest.Status, rest.RefundedAmount));
    }

    [Fact]
    public async Task Refunding_more_than_is_left_throws_and_changes_nothing()
    {
        await SeedAsync();
        await _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, 100m, Cancel);
        var before = await _store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, Cancel);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, 80.01m, Cancel));

        Assert.Contains("at most 80.00 USD", error.Message);
        Assert.Equal(before, await _store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, Cancel));
    }

    [Fact]
    public async Task Unpaid_foreign_and_nonsensical_refunds_are_refused()
    {
        await SeedAsync();

        var open = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceOpenInvoice, 5m, Cancel));
        Assert.Contains("not paid", open.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.BobLatestInvoice, 18m, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 0m, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 0.001m, Cancel));

        Assert.Equal(Invoice.Paid, (await _store.GetInvoiceAsync(BackofficeSeed.BobCustomerId, BackofficeSeed.BobLatestInvoice, Cancel))!.Status);
        Assert.Equal(Invoice.Open, (await _store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceOpenInvoice, Cancel))!.Status);
    }

    [Fact]
    public async Task Tickets_are_created_open_and_listed_newest_first_per_customer()
    {
        await SeedAsync();

        var first = await _store.CreateTicketAsync(BackofficeSeed.AliceCustomerId, " Invoice address ", "Please change the billing address on INV-2026-0142.", Cancel);
        var second = await _store.CreateTicketAsync(BackofficeSeed.AliceCustomerId, "SSO setup", "Okta sign-in fails with NWF-2103.", Cancel);

        Assert.StartsWith("ticket_", first.Id);
        Assert.Equal(("Invoice address", Ticket.Open, BackofficeSeed.AliceCustomerId), (first.Subject, first.Status, first.CustomerId));
        Assert.Equal([second, first], await _store.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel));
        Assert.Empty(await _store.ListTicketsAsync(BackofficeSeed.BobCustomerId, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CreateTicketAsync(BackofficeSeed.AliceCustomerId, " ", "body", Cancel));
    }

    [Fact]
    public async Task Two_factor_resets_are_recorded()
    {
        await SeedAsync();

        var reset = await _store.RecordTwoFactorResetAsync(BackofficeSeed.BobCustomerId, "sam", "Confirmed last invoice number and billing email", Cancel);

        Assert.StartsWith("twofactor_", reset.Id);
        Assert.Equal((BackofficeSeed.BobCustomerId, "sam"), (reset.CustomerId, reset.RequestedBy));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
