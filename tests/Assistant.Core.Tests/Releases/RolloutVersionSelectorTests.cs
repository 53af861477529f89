using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>Who gets the candidate: named users, whole groups, and a sticky, evenly spread percentage; everyone else stable.</summary>
public sealed class RolloutVersionSelectorTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_rollout_everyone_gets_the_configured_version_as_stable()
    {
        await using var host = new RolloutHost();

        var choice = await host.Selector.ChooseAsync("alice", Cancel);

        Assert.Equal((InMemoryVersionStore.ConfiguredId, ReleaseArm.Stable), (choice.Version.Id, choice.Arm));
    }

    [Fact]
    public async Task A_named_user_gets_the_candidate_and_others_stay_on_stable()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");

        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience(["Alice"], [], 0), Cancel);

        var alice = await host.Selector.ChooseAsync("alice", Cancel);
        var bob = await host.Selector.ChooseAsync("bob", Cancel);
        Assert.Equal(("v2", ReleaseArm.Candidate), (alice.Version.Id, alice.Arm));
        Assert.Equal((InMemoryVersionStore.ConfiguredId, ReleaseArm.Stable), (bob.Version.Id, bob.Arm));
        Assert.Equal(ReleaseArm.Stable, (await host.Selector.ChooseAsync(null, Cancel)).Arm);
    }

    [Fact]
    public async Task Everyone_in_a_targeted_group_gets_the_candidate()
    {
        await using var host = new RolloutHost(groups: new() { ["bob"] = ["user", "beta-testers"], ["carol"] = ["user"] });
        host.Versions.Add("v2");

        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], ["beta-testers"], 0), Cancel);

        Assert.Equal(ReleaseArm.Candidate, (await host.Selector.ChooseAsync("bob", Cancel)).Arm);
        Assert.Equal(ReleaseArm.Stable, (await host.Selector.ChooseAsync("carol", Cancel)).Arm);
    }

    [Fact]
    public async Task A_percentage_is_sticky_per_user_and_spread_near_its_share()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 30), Cancel);
        var users = Enumerable.Range(0, 2_000).Select(i => $"user-{i}").ToList();

        var first = new List<string>();
        foreach (var user in users) first.Add((await host.Selector.ChooseAsync(user, Cancel)).Arm);
        var second = new List<string>();
        foreach (var user in users) second.Add((await host.Selector.ChooseAsync(user, Cancel)).Arm);

        Assert.Equal(first, second);
        Assert.InRange(first.Count(arm => arm == ReleaseArm.Candidate) / (double)users.Count, 0.26, 0.34);
    }

    [Fact]
    public async Task Raising_the_percentage_keeps_the_users_who_already_had_the_candidate()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        var users = Enumerable.Range(0, 500).Select(i => $"user-{i}").ToList();
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 10), Cancel);
        var atTen = new HashSet<string>();
        foreach (var user in users) if ((await host.Selector.ChooseAsync(user, Cancel)).Arm == ReleaseArm.Candidate) atTen.Add(user);

        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 50), Cancel);
        var atFifty = new HashSet<string>();
        foreach (var user in users) if ((await host.Selector.ChooseAsync(user, Cancel)).Arm == ReleaseArm.Candidate) atFifty.Add(user);

        Assert.NotEmpty(atTen);
        Assert.Subset(atFifty, atTen);
        Assert.True(atFifty.Count > atTen.Count * 3, $"{atTen.Count} at 10 %, {atFifty.Count} at 50 %");
    }

    [Fact]
    public async Task Only_a_published_version_other_than_stable_can_be_a_candidate()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("draft", status: VersionStatus.Draft);

        await Assert.ThrowsAsync<RolloutConflictException>(() =>
            host.Administration.SetCandidateAsync(RolloutHost.Ada, "draft", new RolloutAudience(["alice"], [], 0), Cancel));
        await Assert.ThrowsAsync<RolloutConflictException>(() =>
            host.Administration.SetCandidateAsync(RolloutHost.Ada, InMemoryVersionStore.ConfiguredId, new RolloutAudience(["alice"], [], 0), Cancel));
        Assert.Equal(ReleaseArm.Stable, (await host.Selector.ChooseAsync("alice", Cancel)).Arm);
    }

    [Fact]
    public async Task A_change_stored_by_another_replica_is_in_force_within_a_second()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        Assert.Equal(ReleaseArm.Stable, (await host.Selector.ChooseAsync("alice", Cancel)).Arm);

        // Stored as another process would: straight into the database, not through this host's administration.
        var store = host.Store;
        await store.WriteAsync(RolloutState.Initial, RolloutState.Initial with { CandidateId = "v2", Audience = new RolloutAudience(["alice"], [], 0),
            StartedAt = DateTimeOffset.UtcNow }, new ReleaseEvent("release_x", DateTimeOffset.UtcNow, ReleaseEvent.Started, "ada", null, "v2", "test"), Cancel);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        while ((await host.Selector.ChooseAsync("alice", Cancel)).Arm != ReleaseArm.Candidate && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancel);
        }
        Assert.Equal(ReleaseArm.Candidate, (await host.Selector.ChooseAsync("alice", Cancel)).Arm);
    }
}
