using Assistant.Core.Budgets;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Budgets;

/// <summary>The budget store on each provider: reservations are atomic under concurrency (across replicas too), and events are recorded once.</summary>
public abstract class BudgetStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IBudgetStore Store => field ??= NewStore(TimeProvider.System);

    private IBudgetStore NewStore(TimeProvider clock) => Database.Pick<IBudgetStore>(
        sqlite => new SqliteBudgetStore(sqlite, clock), postgres => new PostgresBudgetStore(postgres, clock));

    private IBudgetStore OtherReplica() => Database.OtherReplica<IBudgetStore>(
        sqlite => new SqliteBudgetStore(sqlite, TimeProvider.System), postgres => new PostgresBudgetStore(postgres, TimeProvider.System));

    private static BudgetAccount Global(decimal limit) => new("global-daily", BudgetKinds.Global, "all", "2026-12-01", limit);

    private static BudgetAccount User(string user, decimal limit) => new("user-daily", BudgetKinds.User, user, "2026-12-01", limit);

    [Fact]
    public async Task Concurrent_reservations_never_take_an_account_past_its_limit()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { User("alice", 10m), Global(1m) };

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Store.ReserveAsync(accounts, 0.03m, 0.8m, cancel), cancel)));

        // $1.00 holds 33 reservations of $0.03; the 34th would make $1.02.
        Assert.Equal(33, results.Count(r => r.Granted));
        Assert.All(results.Where(r => !r.Granted), r => Assert.Equal("global-daily", r.DeniedBy!.Scope));
        var usage = await Store.ListUsageAsync(["2026-12-01"], _ => 1m, cancel);
        Assert.Equal(0.99m, usage.Single(u => u.Scope == "global-daily").Reserved);
        Assert.Equal(0.99m, usage.Single(u => u.Scope == "user-daily").Reserved);
    }

    [Fact]
    public async Task Settling_charges_the_real_cost_and_releasing_gives_the_reservation_back()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { Global(1m) };
        var settled = await Store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);
        var released = await Store.ReserveAsync(accounts, 0.4m, 0.8m, cancel);

        await Store.SettleAsync(settled.Id!, 0.123m, cancel);
        await Store.ReleaseAsync(released.Id!, cancel);
        // A second close of the same reservation changes nothing.
        await Store.ReleaseAsync(settled.Id!, cancel);

        var usage = Assert.Single(await Store.ListUsageAsync(["2026-12-01"], _ => 1m, cancel));
        Assert.Equal((0.123m, 0m), (usage.Spent, usage.Reserved));
    }

    [Fact]
    public async Task An_account_records_its_soft_crossing_once_and_its_limit_when_a_call_is_refused()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { Global(1m) };

        var first = await Store.ReserveAsync(accounts, 0.85m, 0.8m, cancel);
        var second = await Store.ReserveAsync(accounts, 0.05m, 0.8m, cancel);
        var refused = await Store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);
        var refusedAgain = await Store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);

        Assert.Equal(BudgetLevels.Soft, Assert.Single(first.Crossings).Level);
        Assert.Empty(second.Crossings);
        Assert.False(refused.Granted);
        Assert.Equal(BudgetLevels.Limit, Assert.Single(refused.Crossings).Level);
        Assert.Empty(refusedAgain.Crossings);
        var events = await Store.ListEventsAsync(10, cancel);
        Assert.Equal([BudgetLevels.Limit, BudgetLevels.Soft], events.Select(e => e.Level));
    }

    [Fact]
    public async Task A_stored_limit_replaces_the_default_for_the_next_reservation()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { Global(1m) };
        Assert.True((await Store.ReserveAsync(accounts, 0.3m, 0.8m, cancel)).Granted);

        await Store.SetLimitAsync("global-daily", 0.5m, "ada", cancel);

        var refused = await Store.ReserveAsync(accounts, 0.3m, 0.8m, cancel);
        Assert.False(refused.Granted);
        Assert.Equal(0.5m, refused.DeniedBy!.Limit);
        Assert.Equal("ada", Assert.Single(await Store.ListLimitsAsync(cancel)).UpdatedBy);
    }

    [Fact]
    public async Task A_reservation_left_by_a_process_that_died_is_given_back_by_a_later_reservation()
    {
        var cancel = TestContext.Current.CancellationToken;
        var clock = new Support.ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = NewStore(clock);
        var accounts = new[] { Global(1m) };
        Assert.True((await store.ReserveAsync(accounts, 0.9m, 0.8m, cancel)).Granted);
        Assert.False((await store.ReserveAsync(accounts, 0.5m, 0.8m, cancel)).Granted);

        clock.Advance(SqliteBudgetStore.StaleAfter + TimeSpan.FromMinutes(1));
        var later = await store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);

        Assert.True(later.Granted);
        Assert.Equal(0.5m, Assert.Single(later.Usage).Reserved);
    }

    [Fact]
    public async Task Reservations_from_two_replicas_at_once_never_take_an_account_past_its_limit()
    {
        var cancel = TestContext.Current.CancellationToken;
        var replicas = new[] { Store, OtherReplica() };
        // Each replica names the accounts in its own order: locking must not depend on it (no deadlock, no overdraw).
        var accounts = new[] { User("alice", 10m), Global(1m) };

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            replicas[i % 2].ReserveAsync(i % 2 == 0 ? accounts : accounts.Reverse().ToArray(), 0.03m, 0.8m, cancel), cancel)));

        Assert.Equal(33, results.Count(r => r.Granted));
        var usage = await replicas[1].ListUsageAsync(["2026-12-01"], _ => 1m, cancel);
        Assert.Equal(0.99m, usage.Single(u => u.Scope == "global-daily").Reserved);
        Assert.Equal(0.99m, usage.Single(u => u.Scope == "user-daily").Reserved);
        Assert.Single(await replicas[0].ListEventsAsync(10, cancel), e => e.Level == BudgetLevels.Limit);
    }

    [Fact]
    public async Task A_reservation_settled_on_two_replicas_at_once_is_charged_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var replicas = new[] { Store, OtherReplica() };
        var reservation = await replicas[0].ReserveAsync([Global(1m)], 0.5m, 0.8m, cancel);

        var closed = await Task.WhenAll(replicas.Select(replica => Task.Run(() => replica.SettleAsync(reservation.Id!, 0.2m, cancel), cancel)));

        Assert.Single(closed, after => after.Count > 0);
        var usage = Assert.Single(await replicas[1].ListUsageAsync(["2026-12-01"], _ => 1m, cancel));
        Assert.Equal((0.2m, 0m), (usage.Spent, usage.Reserved));
    }

    public sealed class OnSqlite() : BudgetStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : BudgetStoreTests(StorageProvider.PostgreSQL);
}
