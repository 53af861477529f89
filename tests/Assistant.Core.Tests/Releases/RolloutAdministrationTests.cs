using Assistant.Core.Audit;
using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>Promote and roll back by hand: audited, recorded as events, refused when there is no candidate.</summary>
public sealed class RolloutAdministrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promoting_makes_the_candidate_stable_for_everyone_and_is_audited()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience(["alice"], [], 0), Cancel);

        await host.Administration.PromoteAsync(RolloutHost.Ada, Cancel);

        var bob = await host.Selector.ChooseAsync("bob", Cancel);
        Assert.Equal(("v2", ReleaseArm.Stable), (bob.Version.Id, bob.Arm));
        var audit = Assert.Single(await host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutPromoted), Cancel));
        Assert.Equal("ada", audit.Actor);
        Assert.Single(await host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutChanged), Cancel));
        Assert.Equal([ReleaseEvent.Promoted, ReleaseEvent.Started], (await host.Store.EventsAsync(cancellationToken: Cancel)).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_rollback_by_hand_returns_everyone_to_stable_and_records_who_and_why()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience(["alice"], [], 0), Cancel);

        await host.Administration.RollbackAsync(RolloutHost.Ada, "By hand: answers too long.", cancellationToken: Cancel);

        Assert.Equal(ReleaseArm.Stable, (await host.Selector.ChooseAsync("alice", Cancel)).Arm);
        var audit = Assert.Single(await host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack), Cancel));
        Assert.Equal(("ada", "manual"), (audit.Actor, audit.Outcome));
        Assert.Contains("answers too long", audit.Detail);
    }

    [Fact]
    public async Task Promote_or_rollback_without_a_candidate_is_a_conflict()
    {
        await using var host = new RolloutHost();

        await Assert.ThrowsAsync<RolloutConflictException>(() => host.Administration.PromoteAsync(RolloutHost.Ada, Cancel));
        await Assert.ThrowsAsync<RolloutConflictException>(() => host.Administration.RollbackAsync(RolloutHost.Ada, cancellationToken: Cancel));
        Assert.Empty(await host.Store.EventsAsync(cancellationToken: Cancel));
    }

    [Fact]
    public async Task Changing_the_audience_keeps_the_rollout_start_so_earlier_answers_keep_counting()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        var started = await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience(["alice"], [], 0), Cancel);

        var changed = await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience(["alice"], [], 25), Cancel);

        Assert.Equal(started.StartedAt, changed.StartedAt);
        Assert.Equal([ReleaseEvent.Changed, ReleaseEvent.Started], (await host.Store.EventsAsync(cancellationToken: Cancel)).Select(e => e.Kind));
    }
}
