using Assistant.Core.Budgets;
using Assistant.Core.Storage;
using Xunit;

namespace Assistant.Core.Tests.Budgets;

/// <summary>The budget store on a real SQLite file: reservations are atomic under concurrency, and events are recorded once.</summary>
public sealed class SqliteBudgetStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-budgets-").FullName;
    private readonly SqliteBudgetStore _store;

    public SqliteBudgetStoreTests() => _store = new SqliteBudgetStore(new SqliteDatabase(Path.Combine(_root, "app.db")), TimeProvider.System);

    private static BudgetAccount Global(decimal limit) => new("global-daily", BudgetKinds.Global, "all", "2026-12-01", limit);

    private static BudgetAccount User(string user, decimal limit) => new("user-daily", BudgetKinds.User, user, "2026-12-01", limit);

    [Fact]
    public async Task Concurrent_reservations_never_take_an_account_past_its_limit()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { User("alice", 10m), Global(1m) };

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => _store.ReserveAsync(accounts, 0.03m, 0.8m, cancel), cancel)));

        // $1.00 holds 33 reservations of $0.03; the 34th would make $1.02.
        Assert.Equal(33, results.Count(r => r.Granted));
        Assert.All(results.Where(r => !r.Granted), r => Assert.Equal("global-daily", r.DeniedBy!.Scope));
        var usage = await _store.ListUsageAsync(["2026-12-01"], _ => 1m, cancel);
        Assert.Equal(0.99m, usage.Single(u => u.Scope == "global-daily").Reserved);
        Assert.Equal(0.99m, usage.Single(u => u.Scope == "user-daily").Reserved);
    }

    [Fact]
    public async Task Settling_charges_the_real_cost_and_releasing_gives_the_reservation_back()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { Global(1m) };
        var settled = await _store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);
        var released = await _store.ReserveAsync(accounts, 0.4m, 0.8m, cancel);

        await _store.SettleAsync(settled.Id!, 0.123m, cancel);
        await _store.ReleaseAsync(released.Id!, cancel);
        // A second close of the same reservation changes nothing.
        await _store.ReleaseAsync(settled.Id!, cancel);

        var usage = Assert.Single(await _store.ListUsageAsync(["2026-12-01"], _ => 1m, cancel));
        Assert.Equal((0.123m, 0m), (usage.Spent, usage.Reserved));
    }

    [Fact]
    public async Task An_account_records_its_soft_crossing_once_and_its_limit_when_a_call_is_refused()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { Global(1m) };

        var first = await _store.ReserveAsync(accounts, 0.85m, 0.8m, cancel);
        var second = await _store.ReserveAsync(accounts, 0.05m, 0.8m, cancel);
        var refused = await _store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);
        var refusedAgain = await _store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);

        Assert.Equal(BudgetLevels.Soft, Assert.Single(first.Crossings).Level);
        Assert.Empty(second.Crossings);
        Assert.False(refused.Granted);
        Assert.Equal(BudgetLevels.Limit, Assert.Single(refused.Crossings).Level);
        Assert.Empty(refusedAgain.Crossings);
        var events = await _store.ListEventsAsync(10, cancel);
        Assert.Equal([BudgetLevels.Limit, BudgetLevels.Soft], events.Select(e => e.Level));
    }

    [Fact]
    public async Task A_stored_limit_replaces_the_default_for_the_next_reservation()
    {
        var cancel = TestContext.Current.CancellationToken;
        var accounts = new[] { Global(1m) };
        Assert.True((await _store.ReserveAsync(accounts, 0.3m, 0.8m, cancel)).Granted);

        await _store.SetLimitAsync("global-daily", 0.5m, "ada", cancel);

        var refused = await _store.ReserveAsync(accounts, 0.3m, 0.8m, cancel);
        Assert.False(refused.Granted);
        Assert.Equal(0.5m, refused.DeniedBy!.Limit);
        Assert.Equal("ada", Assert.Single(await _store.ListLimitsAsync(cancel)).UpdatedBy);
    }

    [Fact]
    public async Task A_reservation_left_by_a_process_that_died_is_given_back_by_a_later_reservation()
    {
        var cancel = TestContext.Current.CancellationToken;
        var clock = new Support.ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new SqliteBudgetStore(new SqliteDatabase(Path.Combine(_root, "crashed.db")), clock);
        var accounts = new[] { Global(1m) };
        Assert.True((await store.ReserveAsync(accounts, 0.9m, 0.8m, cancel)).Granted);
        Assert.False((await store.ReserveAsync(accounts, 0.5m, 0.8m, cancel)).Granted);

        clock.Advance(SqliteBudgetStore.StaleAfter + TimeSpan.FromMinutes(1));
        var later = await store.ReserveAsync(accounts, 0.5m, 0.8m, cancel);

        Assert.True(later.Granted);
        Assert.Equal(0.5m, Assert.Single(later.Usage).Reserved);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
