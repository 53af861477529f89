using Assistant.Core.Backoffice;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Backoffice;

public abstract class BackofficeStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private IBackofficeStore Store => field ??= NewStore();

    private IBackofficeStore NewStore() => Database.Pick<IBackofficeStore>(sqlite => new SqliteBackofficeStore(sqlite), postgres => new PostgresBackofficeStore(postgres));

    private IBackofficeStore OtherReplica() => Database.OtherReplica<IBackofficeStore>(sqlite => new SqliteBackofficeStore(sqlite), postgres => new PostgresBackofficeStore(postgres));

    private Task SeedAsync() => BackofficeSeed.EnsureSeededAsync((IBackofficeSeedStore)Store, Today, Cancel);

    [Fact]
    public async Task Seeding_runs_once()
    {
        Assert.True(await BackofficeSeed.EnsureSeededAsync((IBackofficeSeedStore)Store, Today, Cancel));
        Assert.False(await BackofficeSeed.EnsureSeededAsync((IBackofficeSeedStore)Store, Today, Cancel));
        // A fresh process (new database object on the same data) sees the seeded data and skips too.
        Assert.False(await BackofficeSeed.EnsureSeededAsync((IBackofficeSeedStore)OtherReplica(), Today.AddDays(3), Cancel));

        Assert.Equal(4, (await Store.ListInvoicesAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
        Assert.Equal(3, (await Store.ListOrdersAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
        Assert.Equal(3, (await Store.ListInvoicesAsync(BackofficeSeed.BobCustomerId, Cancel)).Count);
    }

    [Fact]
    public async Task Seeded_accounts_match_the_demo_users_and_the_price_list()
    {
        await SeedAsync();

        var alice = await Store.GetCustomerAsync("alice", Cancel);
        Assert.Equal(new Customer(BackofficeSeed.AliceCustomerId, "alice", "Alice Martin", "alice@brightpath.example", "Brightpath Studio"), alice);
        var subscription = (await Store.GetSubscriptionAsync(alice!.Id, Cancel))!;
        Assert.Equal(("Team", 8, "annual", "active", 180m), (subscription.Plan, subscription.Seats, subscription.BillingCycle, subscription.Status, subscription.PricePerSeat));
        Assert.Equal(new DateOnly(2027, 3, 22), subscription.RenewsOn);

        var invoices = await Store.ListInvoicesAsync(alice.Id, Cancel);
        Assert.Equal(["INV-2026-0471", "INV-2026-0142", "INV-2025-0388", "INV-2025-0217"], invoices.Select(i => i.Number));
        Assert.Equal(["open", "paid", "paid", "paid"], invoices.Select(i => i.Status));
        Assert.Equal(8 * 180m, invoices.Single(i => i.Number == BackofficeSeed.AliceAnnualInvoice).Amount);
        Assert.Equal("1440.00", invoices.Single(i => i.Number == BackofficeSeed.AliceAnnualInvoice).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var bob = (await Store.GetCustomerAsync("bob", Cancel))!;
        Assert.Equal(("Bob Chen", "bob@chenworks.example", "Chen Works"), (bob.Name, bob.Email, bob.Company));
        var bobSubscription = (await Store.GetSubscriptionAsync(bob.Id, Cancel))!;
        Assert.Equal(("Starter", 2, "monthly", 9m), (bobSubscription.Plan, bobSubscription.Seats, bobSubscription.BillingCycle, bobSubscription.PricePerSeat));
        Assert.All(await Store.ListInvoicesAsync(bob.Id, Cancel), i => Assert.Equal((18m, "paid", "USD"), (i.Amount, i.Status, i.Currency)));

        Assert.Null(await Store.GetCustomerAsync("sam", Cancel));
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_invoices()
    {
        await SeedAsync();

        Assert.Null(await Store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.BobLatestInvoice, Cancel));
        Assert.NotNull(await Store.GetInvoiceAsync(BackofficeSeed.BobCustomerId, BackofficeSeed.BobLatestInvoice, Cancel));
        Assert.Equal(BackofficeSeed.AliceAnnualInvoice, (await Store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, "inv-2026-0142", Cancel))?.Number);
        Assert.All(await Store.ListInvoicesAsync(BackofficeSeed.AliceCustomerId, Cancel), i => Assert.Equal(BackofficeSeed.AliceCustomerId, i.CustomerId));
    }

    [Fact]
    public async Task Changing_plan_prices_seats_from_the_catalog()
    {
        await SeedAsync();
        var before = (await Store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel))!;

        var business = await Store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "business", cancellationToken: Cancel);
        Assert.Equal(before with { Plan = "Business", PricePerSeat = 300m }, business);

        var monthly = await Store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "Starter", "Monthly", Cancel);
        Assert.Equal(before with { Plan = "Starter", BillingCycle = "monthly", PricePerSeat = 9m }, monthly);
        Assert.Equal(monthly, await Store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel));
    }

    [Fact]
    public async Task Unknown_plans_and_Enterprise_are_refused_with_a_clear_message()
    {
        await SeedAsync();
        var before = await Store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel);

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "Platinum", cancellationToken: Cancel));
        Assert.Contains("Unknown plan 'Platinum'", unknown.Message);
        Assert.Contains("Business", unknown.Message);

        var enterprise = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "enterprise", cancellationToken: Cancel));
        Assert.Contains("Enterprise", enterprise.Message);
        Assert.Contains("custom quote", enterprise.Message);

        var cycle = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ChangePlanAsync(BackofficeSeed.AliceCustomerId, "Team", "weekly", Cancel));
        Assert.Contains("weekly", cycle.Message);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ChangePlanAsync("cus_nobody", "Team", cancellationToken: Cancel));
        Assert.Equal(before, await Store.GetSubscriptionAsync(BackofficeSeed.AliceCustomerId, Cancel));
    }

    [Fact]
    public async Task A_full_refund_marks_the_invoice_refunded()
    {
        await SeedAsync();

        var refunded = await Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1440.00m, Cancel);

        Assert.Equal((Invoice.Refunded, 1440m), (refunded.Status, refunded.RefundedAmount));
        Assert.Equal(refunded, await Store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1m, Cancel));
        Assert.Contains("already been refunded", again.Message);
    }

    [Fact]
    public async Task Partial_refunds_add_up_until_the_invoice_is_refunded()
    {
        await SeedAsync();

        var partial = await Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1320.00m, Cancel);
        Assert.Equal((Invoice.PartiallyRefunded, 1320m, 1440m), (partial.Status, partial.RefundedAmount, partial.Amount));

        var rest = await Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 120.00m, Cancel);
        Assert.Equal((Invoice.Refunded, 1440m), (rest.Status, rest.RefundedAmount));
    }

    [Fact]
    public async Task Refunding_more_than_is_left_throws_and_changes_nothing()
    {
        await SeedAsync();
        await Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, 100m, Cancel);
        var before = await Store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, Cancel);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, 80.01m, Cancel));

        Assert.Contains("at most 80.00 USD", error.Message);
        Assert.Equal(before, await Store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, Cancel));
    }

    [Fact]
    public async Task Unpaid_foreign_and_nonsensical_refunds_are_refused()
    {
        await SeedAsync();

        var open = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceOpenInvoice, 5m, Cancel));
        Assert.Contains("not paid", open.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.BobLatestInvoice, 18m, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 0m, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 0.001m, Cancel));

        Assert.Equal(Invoice.Paid, (await Store.GetInvoiceAsync(BackofficeSeed.BobCustomerId, BackofficeSeed.BobLatestInvoice, Cancel))!.Status);
        Assert.Equal(Invoice.Open, (await Store.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceOpenInvoice, Cancel))!.Status);
    }

    [Fact]
    public async Task Tickets_are_created_open_and_listed_newest_first_per_customer()
    {
        await SeedAsync();

        var first = await Store.CreateTicketAsync(BackofficeSeed.AliceCustomerId, " Invoice address ", "Please change the billing address on INV-2026-0142.", Cancel);
        var second = await Store.CreateTicketAsync(BackofficeSeed.AliceCustomerId, "SSO setup", "Okta sign-in fails with NWF-2103.", Cancel);

        Assert.StartsWith("ticket_", first.Id);
        Assert.Equal(("Invoice address", Ticket.Open, BackofficeSeed.AliceCustomerId), (first.Subject, first.Status, first.CustomerId));
        Assert.Equal([second, first], await Store.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel));
        Assert.Empty(await Store.ListTicketsAsync(BackofficeSeed.BobCustomerId, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateTicketAsync(BackofficeSeed.AliceCustomerId, " ", "body", Cancel));
    }

    [Fact]
    public async Task Two_factor_resets_are_recorded()
    {
        await SeedAsync();

        var reset = await Store.RecordTwoFactorResetAsync(BackofficeSeed.BobCustomerId, "sam", "Confirmed last invoice number and billing email", Cancel);

        Assert.StartsWith("twofactor_", reset.Id);
        Assert.Equal((BackofficeSeed.BobCustomerId, "sam"), (reset.CustomerId, reset.RequestedBy));
    }

    [Fact]
    public async Task Replicas_seeding_at_once_seed_only_once()
    {
        var stores = new[] { (IBackofficeSeedStore)Store, (IBackofficeSeedStore)OtherReplica(), (IBackofficeSeedStore)OtherReplica() };

        var seeded = await Task.WhenAll(stores.Select(store => Task.Run(() => BackofficeSeed.EnsureSeededAsync(store, Today, Cancel), Cancel)));

        Assert.Single(seeded, inserted => inserted);
        Assert.Equal(4, (await Store.ListInvoicesAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
    }

    [Fact]
    public async Task The_ticket_limit_refuses_the_ticket_past_it_and_counts_only_the_last_24_hours()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var store = Database.Pick<IBackofficeStore>(sqlite => new SqliteBackofficeStore(sqlite, clock), postgres => new PostgresBackofficeStore(postgres, clock));
        await SeedAsync();

        var opened = new List<Ticket?>();
        for (var i = 0; i < 3; i++)
        {
            opened.Add(await store.CreateTicketWithinLimitAsync(BackofficeSeed.AliceCustomerId, $"Ticket {i}", "body", 2, Cancel));
        }
        clock.Advance(TimeSpan.FromHours(24));
        var nextDay = await store.CreateTicketWithinLimitAsync(BackofficeSeed.AliceCustomerId, "Next day", "body", 2, Cancel);

        Assert.Equal([true, true, false], opened.Select(ticket => ticket is not null));
        Assert.NotNull(nextDay);
        Assert.Equal(3, (await store.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
        Assert.NotNull(await store.CreateTicketWithinLimitAsync(BackofficeSeed.BobCustomerId, "Bob's own", "body", 2, Cancel));
    }

    [Fact]
    public async Task Two_replicas_opening_tickets_at_once_never_pass_the_daily_limit()
    {
        await SeedAsync();
        var replicas = new[] { Store, OtherReplica() };

        var opened = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            replicas[i % 2].CreateTicketWithinLimitAsync(BackofficeSeed.AliceCustomerId, $"Ticket {i}", "body", 5, Cancel), Cancel)));

        Assert.Equal(5, opened.Count(ticket => ticket is not null));
        Assert.Equal(5, (await replicas[1].ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel)).Count);
    }

    [Fact]
    public async Task Two_replicas_refunding_one_invoice_at_once_never_refund_more_than_it_was()
    {
        await SeedAsync();
        var replicas = new[] { Store, OtherReplica() };

        // $180.00 takes three refunds of $60.00; the other seven must be refused whole, never half-applied.
        var refunds = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                return await replicas[i % 2].RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, 60m, Cancel);
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }, Cancel)));

        Assert.Equal(3, refunds.Count(refund => refund is not null));
        var invoice = (await replicas[1].GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceSeatAddOnInvoice, Cancel))!;
        Assert.Equal((180m, Invoice.Refunded), (invoice.RefundedAmount, invoice.Status));
    }

    public sealed class OnSqlite() : BackofficeStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : BackofficeStoreTests(StorageProvider.PostgreSQL);
}
