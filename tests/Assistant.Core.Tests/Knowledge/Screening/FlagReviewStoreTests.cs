using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Knowledge.Screening;

public abstract class FlagReviewStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IFlagReviewStore Store => field ??= Database.Pick<IFlagReviewStore>(
        sqlite => new SqliteFlagReviewStore(sqlite), postgres => new PostgresFlagReviewStore(postgres));

    [Fact]
    public async Task A_clearance_is_kept_per_document_and_sentence_and_clearing_again_replaces_it()
    {
        await Store.ClearAsync("accounts/two-factor", "hash_a", "ada", "  reviewed  ", Cancel);
        await Store.ClearAsync("accounts/two-factor", "hash_b", "ada", null, Cancel);
        var again = await Store.ClearAsync("accounts/two-factor", "hash_a", "ben", " ", Cancel);

        var cleared = await Store.GetClearedAsync(Cancel);

        Assert.Equal(2, cleared.Count);
        Assert.Equal(("ben", (string?)null), (cleared[("accounts/two-factor", "hash_a")].ClearedBy, cleared[("accounts/two-factor", "hash_a")].Note));
        Assert.Equal(again.ClearedAt.ToUnixTimeMilliseconds(), cleared[("accounts/two-factor", "hash_a")].ClearedAt.ToUnixTimeMilliseconds());
        Assert.False(cleared.ContainsKey(("policies/refunds", "hash_a")));
    }

    [Fact]
    public async Task A_clearance_made_on_one_replica_holds_on_another_that_had_already_read_the_list()
    {
        var other = Database.OtherReplica<IFlagReviewStore>(sqlite => new SqliteFlagReviewStore(sqlite), postgres => new PostgresFlagReviewStore(postgres));
        Assert.Empty(await other.GetClearedAsync(Cancel));

        await Store.ClearAsync("accounts/two-factor", "hash_a", "ada", "reviewed", Cancel);

        Assert.Equal("reviewed", (await other.GetClearedAsync(Cancel))[("accounts/two-factor", "hash_a")].Note);
    }

    public sealed class OnSqlite() : FlagReviewStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : FlagReviewStoreTests(StorageProvider.PostgreSQL);
}
