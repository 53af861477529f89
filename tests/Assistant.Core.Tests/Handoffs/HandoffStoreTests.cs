using Assistant.Core.Handoffs;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Handoffs;

public abstract class HandoffStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IHandoffStore Store => field ??= Database.Pick<IHandoffStore>(
        sqlite => new SqliteHandoffStore(sqlite), postgres => new PostgresHandoffStore(postgres));

    [Fact]
    public async Task A_handoff_is_opened_claimed_and_closed_and_keeps_who_claimed_it()
    {
        var created = await Store.CreateAsync("conv_1", "asked for a person", Cancel);
        await Store.CreateAsync("conv_2", "asked for a person", Cancel);

        var claimed = await Store.TransitionAsync(created.Id, Handoff.Open, Handoff.Claimed, "sam", Cancel);
        var closed = await Store.TransitionAsync(created.Id, Handoff.Claimed, Handoff.Closed, "kim", Cancel);

        Assert.Equal((Handoff.Open, (string?)null), (created.Status, created.ClaimedBy));
        Assert.Equal((Handoff.Claimed, "sam"), (claimed!.Status, claimed.ClaimedBy));
        Assert.Equal((Handoff.Closed, "sam"), (closed!.Status, closed.ClaimedBy));
        Assert.Equal(created.CreatedAt.ToUnixTimeMilliseconds(), closed.CreatedAt.ToUnixTimeMilliseconds());
        Assert.Equal(["conv_2"], (await Store.ListAsync(Handoff.Open, Cancel)).Select(h => h.ConversationId));
        Assert.Equal(["conv_1", "conv_2"], (await Store.ListAsync(cancellationToken: Cancel)).Select(h => h.ConversationId));
    }

    [Fact]
    public async Task A_move_from_a_status_the_handoff_is_no_longer_in_changes_nothing()
    {
        var created = await Store.CreateAsync("conv_1", "asked for a person", Cancel);
        await Store.TransitionAsync(created.Id, Handoff.Open, Handoff.Claimed, "sam", Cancel);

        Assert.Null(await Store.TransitionAsync(created.Id, Handoff.Open, Handoff.Claimed, "kim", Cancel));
        Assert.Null(await Store.TransitionAsync("handoff_missing", Handoff.Open, Handoff.Claimed, "kim", Cancel));
        Assert.Equal("sam", (await Store.GetAsync(created.Id, Cancel))!.ClaimedBy);
        Assert.Null(await Store.GetAsync("handoff_missing", Cancel));
    }

    [Fact]
    public async Task Two_agents_claiming_on_two_replicas_at_once_give_each_handoff_to_exactly_one()
    {
        var other = Database.OtherReplica<IHandoffStore>(sqlite => new SqliteHandoffStore(sqlite), postgres => new PostgresHandoffStore(postgres));
        var handoffs = new List<Handoff>();
        for (var index = 0; index < 10; index++)
        {
            handoffs.Add(await Store.CreateAsync($"conv_{index}", "asked for a person", Cancel));
        }

        var claims = await Task.WhenAll(handoffs.Select(async handoff =>
        {
            var both = await Task.WhenAll(
                Store.TransitionAsync(handoff.Id, Handoff.Open, Handoff.Claimed, "sam", Cancel),
                other.TransitionAsync(handoff.Id, Handoff.Open, Handoff.Claimed, "kim", Cancel));
            return (handoff.Id, Winners: both.OfType<Handoff>().ToList());
        }));

        foreach (var (id, winners) in claims)
        {
            var winner = Assert.Single(winners);
            Assert.Equal(winner.ClaimedBy, (await other.GetAsync(id, Cancel))!.ClaimedBy);
        }
        Assert.Empty(await Store.ListAsync(Handoff.Open, Cancel));
    }

    public sealed class OnSqlite() : HandoffStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : HandoffStoreTests(StorageProvider.PostgreSQL);
}
