using Assistant.Core.Audit;
using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;
using Assistant.Core.Tests.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Diagnostics.Metrics;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>The background guards: a breaching candidate is rolled back by "system", with an event, an audit row and a metric.</summary>
public sealed class RolloutGuardServiceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_candidate_breaching_a_guard_is_rolled_back_by_the_background_check_with_event_audit_row_and_metric()
    {
        await using var host = new RolloutHost();
        using var measurements = new RecordedMeasurements(host.Services.GetRequiredService<IMeterFactory>());
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 50), Cancel);
        await host.AnswerAsync(ReleaseArm.Stable, InMemoryVersionStore.ConfiguredId, 20);
        await host.AnswerAsync(ReleaseArm.Candidate, "v2", 20, drafted: 3, supported: 1);
        var service = host.Services.GetServices<IHostedService>().OfType<RolloutGuardService>().Single();

        await service.StartAsync(Cancel);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await host.Store.ReadAsync(Cancel)).HasCandidate && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancel);
        }
        await service.StopAsync(Cancel);

        Assert.False((await host.Store.ReadAsync(Cancel)).HasCandidate);
        Assert.Equal(ReleaseArm.Stable, (await host.Selector.ChooseAsync("anyone", Cancel)).Arm);
        var rolledBack = (await host.Store.EventsAsync(cancellationToken: Cancel)).First();
        Assert.Equal((ReleaseEvent.RolledBack, AuditRecord.SystemActor, "v2"), (rolledBack.Kind, rolledBack.Actor, rolledBack.CandidateId));
        Assert.Equal(GuardMetric.Unsupported, rolledBack.Breach!.Metric);
        Assert.Equal((20, 20), (rolledBack.Breach.CandidateSample, rolledBack.Breach.StableSample));
        Assert.Equal(2.0 / 3, rolledBack.Breach.Candidate, 3);
        var audit = Assert.Single(await host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack), Cancel));
        Assert.Equal((AuditRecord.SystemActor, "automatic", RolloutAdministration.AuditTool), (audit.Actor, audit.Outcome, audit.Tool));
        Assert.Contains("unsupported-sentences", audit.Detail);
        Assert.Equal(1, measurements.Sum("assistant.release.rollbacks", "trigger", "automatic"));
    }

    [Fact]
    public async Task A_bad_candidate_below_the_minimum_sample_is_left_running()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 50), Cancel);
        await host.AnswerAsync(ReleaseArm.Stable, InMemoryVersionStore.ConfiguredId, 20);
        await host.AnswerAsync(ReleaseArm.Candidate, "v2", 19, outcome: "Failed");

        var report = await host.Services.GetRequiredService<RolloutGuardService>().CheckAsync(Cancel);

        Assert.False(report!.Ready);
        Assert.True((await host.Store.ReadAsync(Cancel)).HasCandidate);
        Assert.Empty(await host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack), Cancel));
    }

    [Fact]
    public async Task Answers_from_before_the_rollout_or_of_other_versions_do_not_count()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        host.Versions.Add("v3");
        await host.AnswerAsync(ReleaseArm.Candidate, "v2", 30, outcome: "Failed");
        await Task.Delay(20, Cancel);
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 50), Cancel);
        await host.AnswerAsync(ReleaseArm.Stable, InMemoryVersionStore.ConfiguredId, 20);
        await host.AnswerAsync(ReleaseArm.Candidate, "v3", 20, outcome: "Failed");
        await host.AnswerAsync(ReleaseArm.Candidate, "v2", 20);

        var report = await host.Services.GetRequiredService<RolloutGuardService>().CheckAsync(Cancel);

        Assert.Equal((20, 20, 0), (report!.Stable.Questions, report.Candidate.Questions, report.Candidate.Failed));
        Assert.True((await host.Store.ReadAsync(Cancel)).HasCandidate);
    }

    [Fact]
    public async Task With_automatic_rollback_off_a_breach_is_reported_and_the_candidate_stays()
    {
        await using var host = new RolloutHost(new() { ["Assistant:Releases:AutomaticRollback"] = "false" });
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 50), Cancel);
        await host.AnswerAsync(ReleaseArm.Stable, InMemoryVersionStore.ConfiguredId, 20);
        await host.AnswerAsync(ReleaseArm.Candidate, "v2", 20, outcome: "Abstained");

        var report = await host.Services.GetRequiredService<RolloutGuardService>().CheckAsync(Cancel);

        Assert.Equal(GuardMetric.Abstention, report!.Breach!.Metric);
        Assert.True((await host.Store.ReadAsync(Cancel)).HasCandidate);
    }

    [Fact]
    public async Task Thumbs_down_on_the_candidates_answers_counts_against_it()
    {
        await using var host = new RolloutHost();
        host.Versions.Add("v2");
        await host.Administration.SetCandidateAsync(RolloutHost.Ada, "v2", new RolloutAudience([], [], 50), Cancel);
        await host.AnswerAsync(ReleaseArm.Stable, InMemoryVersionStore.ConfiguredId, 20, rating: "up");
        await host.AnswerAsync(ReleaseArm.Candidate, "v2", 20, rating: "down");

        var report = await host.Services.GetRequiredService<RolloutGuardService>().CheckAsync(Cancel);

        Assert.Equal((20, 0, 20, 20), (report!.Stable.Rated, report.Stable.ThumbsDown, report.Candidate.Rated, report.Candidate.ThumbsDown));
        Assert.Equal(GuardMetric.ThumbsDown, report.Breach!.Metric);
    }
}
