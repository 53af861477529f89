using Assistant.Core.Releases.Rollout;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Releases;

public abstract class RolloutStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IRolloutStore Store => field ??= Replica();

    private IRolloutStore Replica() => Database.OtherReplica<IRolloutStore>(
        sqlite => new SqliteRolloutStore(sqlite, TimeProvider.System), postgres => new PostgresRolloutStore(postgres, TimeProvider.System));

    [Fact]
    public async Task A_rollout_reads_back_as_written_with_its_event_and_nothing_before_the_first_write()
    {
        Assert.Equal(RolloutState.Initial, await Store.ReadAsync(Cancel));
        var now = Store.Now;
        var state = new RolloutState(null, "v2", new RolloutAudience(["alice"], ["beta-testers"], 12.5), now, "ada", now);
        var breach = new GuardBreach("unsupported", 0.09, 0.02, 0.03, 40, 400);

        Assert.True(await Store.WriteAsync(RolloutState.Initial, state, Event("e1", now, ReleaseEvent.Started, "v2", breach), Cancel));

        var read = await Replica().ReadAsync(Cancel);
        Assert.Equal((state.StableId, state.CandidateId, state.StartedAt, state.ChangedBy, state.ChangedAt),
            (read.StableId, read.CandidateId, read.StartedAt, read.ChangedBy, read.ChangedAt));
        Assert.Equal(["alice"], read.Audience.Users);
        Assert.Equal(["beta-testers"], read.Audience.Groups);
        Assert.Equal(12.5, read.Audience.Percentage);
        var happened = Assert.Single(await Store.EventsAsync(cancellationToken: Cancel));
        Assert.Equal(("e1", now, ReleaseEvent.Started, breach), (happened.Id, happened.At, happened.Kind, happened.Breach));
    }

    [Fact]
    public async Task Events_come_newest_first_and_since_leaves_out_older_ones()
    {
        var start = Store.Now.AddHours(-3);
        var expected = RolloutState.Initial;
        for (var hour = 0; hour < 3; hour++)
        {
            var at = start.AddHours(hour);
            var next = new RolloutState(null, $"v{hour}", RolloutAudience.Nobody, at, "ada", at);
            Assert.True(await Store.WriteAsync(expected, next, Event($"e{hour}", at, ReleaseEvent.Changed, $"v{hour}"), Cancel));
            expected = next;
        }

        Assert.Equal(["e2", "e1", "e0"], (await Store.EventsAsync(cancellationToken: Cancel)).Select(e => e.Id));
        Assert.Equal(["e2", "e1"], (await Store.EventsAsync(since: start.AddMinutes(30), cancellationToken: Cancel)).Select(e => e.Id));
        Assert.Equal(["e2"], (await Store.EventsAsync(limit: 1, cancellationToken: Cancel)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_rollout_is_refused_and_leaves_no_event()
    {
        var now = Store.Now;
        var started = new RolloutState(null, "v2", RolloutAudience.Nobody, now, "ada", now);
        Assert.True(await Store.WriteAsync(RolloutState.Initial, started, Event("e1", now, ReleaseEvent.Started, "v2"), Cancel));

        var stale = await Store.WriteAsync(RolloutState.Initial, started with { CandidateId = "v3" }, Event("e2", now, ReleaseEvent.Started, "v3"), Cancel);

        Assert.False(stale);
        Assert.Equal("v2", (await Store.ReadAsync(Cancel)).CandidateId);
        Assert.Equal(["e1"], (await Store.EventsAsync(cancellationToken: Cancel)).Select(e => e.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_replicas_changing_the_same_rollout_at_once_exactly_one_wins(bool rolloutStoredBefore)
    {
        var now = Store.Now;
        var expected = RolloutState.Initial;
        if (rolloutStoredBefore)
        {
            expected = new RolloutState("v1", "v2", RolloutAudience.Nobody, now, "ada", now);
            Assert.True(await Store.WriteAsync(RolloutState.Initial, expected, Event("e-before", now, ReleaseEvent.Started, "v2"), Cancel));
        }
        var replicas = Enumerable.Range(0, 6).Select(_ => Replica()).ToList();

        // Each replica promotes or rolls back a different way: the guards on one, admins on the others.
        var won = await Task.WhenAll(replicas.Select((replica, index) => replica.WriteAsync(expected,
            expected with { StableId = $"v{index + 10}", CandidateId = null, ChangedBy = $"admin{index}" },
            Event($"e{index}", now, ReleaseEvent.Promoted, null), Cancel)));

        var winner = Assert.Single(won.Select((result, index) => (result, index)), pair => pair.result).index;
        Assert.Equal($"v{winner + 10}", (await Store.ReadAsync(Cancel)).StableId);
        var events = await Store.EventsAsync(cancellationToken: Cancel);
        Assert.Equal($"e{winner}", Assert.Single(events, e => e.Kind == ReleaseEvent.Promoted).Id);
    }

    private static ReleaseEvent Event(string id, DateTimeOffset at, string kind, string? candidate, GuardBreach? breach = null) =>
        new(id, at, kind, "ada", null, candidate, $"{kind} {candidate}", breach);

    public sealed class OnSqlite() : RolloutStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : RolloutStoreTests(StorageProvider.PostgreSQL);
}
