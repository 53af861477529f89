using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Knowledge.Screening;

public abstract class FlagReviewStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IFlagReviewStore Store => field ??= Open(TimeProvider.System);

    protected IFlagReviewStore Open(TimeProvider clock) =>
        Database.Pick<IFlagReviewStore>(sqlite => new SqliteFlagReviewStore(sqlite), postgres => new PostgresFlagReviewStore(postgres, clock));

    [Fact]
    public async Task A_clearance_reads_back_with_who_when_and_the_trimmed_note_and_clearing_again_replaces_it()
    {
        Assert.Empty(await Store.GetClearedAsync(Cancel));

        await Store.ClearAsync("accounts/recovery", "hash-1", "ada", "  reviewed  ", Cancel);
        var second = await Store.ClearAsync("accounts/recovery", "hash-1", "sam", " ", Cancel);
        var cleared = await Store.GetClearedAsync(Cancel);

        var review = Assert.Single(cleared).Value;
        Assert.Equal(("accounts/recovery", "hash-1", "sam", null), (review.DocumentId, review.Hash, review.ClearedBy, review.Note));
        Assert.Equal(second.ClearedAt, review.ClearedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_clearance_survives_a_restart()
    {
        await Store.ClearAsync("accounts/recovery", "hash-1", "ada", "reviewed", Cancel);

        var restarted = Open(TimeProvider.System);

        Assert.Equal("reviewed", (await restarted.GetClearedAsync(Cancel))[("accounts/recovery", "hash-1")].Note);
    }

    public sealed class OnSqlite() : FlagReviewStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : FlagReviewStoreTests(StorageProvider.PostgreSQL)
    {
        [Fact]
        public async Task A_clearance_made_on_another_replica_is_in_force_here_after_the_refresh_interval()
        {
            var clock = new ManualClock(DateTimeOffset.UtcNow);
            var here = Open(clock);
            Assert.Empty(await here.GetClearedAsync(Cancel));
            var other = Database.OtherReplica<IFlagReviewStore>(sqlite => new SqliteFlagReviewStore(sqlite), postgres => new PostgresFlagReviewStore(postgres));

            await other.ClearAsync("accounts/recovery", "hash-1", "ada", null, Cancel);
            var before = await here.GetClearedAsync(Cancel);
            clock.Advance(TimeSpan.FromSeconds(3));
            var after = await here.GetClearedAsync(Cancel);

            Assert.Empty(before);
            Assert.Equal("ada", Assert.Single(after).Value.ClearedBy);
        }
    }
}
