using Assistant.Core.Operations;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Core.Tests.Operations;

public abstract class OperationsStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly OperationsSettings Maintenance = new(false, ["open_ticket"], false, true, "Back at noon.");

    private IOperationsStore Store => field ??= Replica();

    private IOperationsStore Replica(TimeProvider? clock = null) => Database.OtherReplica<IOperationsStore>(
        sqlite => new SqliteOperationsStore(sqlite, clock ?? TimeProvider.System), postgres => new PostgresOperationsStore(postgres, clock ?? TimeProvider.System));

    [Fact]
    public async Task An_override_written_on_one_replica_is_read_on_another_until_it_is_cleared()
    {
        Assert.Null(await Store.ReadAsync(Cancel));

        var written = await Store.WriteAsync(Maintenance, "ada", Cancel);
        var read = await Replica().ReadAsync(Cancel);

        Assert.NotNull(read);
        Assert.Equal((OperationsState.FromAdmin, "ada", written.ChangedAt), (read.Source, read.ChangedBy, read.ChangedAt));
        Assert.Equal((false, false, true, "Back at noon."), (read.Settings.AllToolsOff, read.Settings.ForceOffline, read.Settings.Maintenance, read.Settings.MaintenanceMessage));
        Assert.Equal(["open_ticket"], read.Settings.DisabledTools);

        await Replica().ClearAsync(Cancel);

        Assert.Null(await Store.ReadAsync(Cancel));
    }

    [Fact]
    public async Task The_last_override_written_wins_on_every_replica()
    {
        await Store.WriteAsync(Maintenance, "ada", Cancel);
        await Replica().WriteAsync(Maintenance with { Maintenance = false, AllToolsOff = true }, "grace", Cancel);

        var read = await Store.ReadAsync(Cancel);

        Assert.Equal(("grace", true, false), (read!.ChangedBy, read.Settings.AllToolsOff, read.Settings.Maintenance));
    }

    [Fact]
    public async Task A_replicas_switches_follow_another_replicas_change_once_the_refresh_interval_has_passed()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = Options.Create(new OperationsOptions { RefreshMilliseconds = 500 });
        var switches = new OperationsSwitches(Replica(clock), options, clock);
        Assert.Equal(OperationsState.FromConfiguration, (await switches.CurrentAsync(Cancel)).Source);

        await Replica().WriteAsync(Maintenance, "ada", Cancel);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        var within = await switches.CurrentAsync(Cancel);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await switches.CurrentAsync(Cancel);

        // The lag is the refresh interval at most: held state is served until it is that old, then read again.
        Assert.False(within.Settings.Maintenance);
        Assert.True(after.Settings.Maintenance);
        Assert.Equal("ada", after.ChangedBy);
    }

    public sealed class OnSqlite() : OperationsStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : OperationsStoreTests(StorageProvider.PostgreSQL);
}
