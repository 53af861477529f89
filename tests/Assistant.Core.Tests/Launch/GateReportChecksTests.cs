using Assistant.Core.Launch;
using Assistant.Core.Launch.Checks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Launch;

/// <summary>The three items read from the release gate report: gate passed for the version to launch, red team clean, held-out reported.</summary>
public sealed class GateReportChecksTests
{
    private const string Configured = "config-aaaa1111";

    private static LaunchHarness WithVersions(string? candidate = null, string? promotedStable = null) => new(configure: services =>
    {
        services.AddSingleton<Assistant.Core.Releases.IAssistantVersionStore>(new TestVersionStore(Configured));
        if (candidate is not null || promotedStable is not null)
        {
            services.AddSingleton<IRolloutCandidate>(new TestRolloutCandidate(candidate, promotedStable));
        }
    });

    [Fact]
    public async Task After_a_promotion_without_a_new_candidate_the_promoted_stable_version_is_the_one_to_launch()
    {
        using var launch = WithVersions(promotedStable: "v2-shorter");
        TestGateReport.Write(launch.GatePath, configVersion: "v2-shorter");

        var checklist = await launch.CheckAsync();

        Assert.Equal(("v2-shorter", LaunchTargetResolver.FromPromotedStable), (checklist.Version, checklist.VersionSource));
        Assert.Equal(LaunchState.Ready, Assert.Single(checklist.Items, i => i.Id == GatePassedCheck.Spec.Id).State);
    }

    [Fact]
    public async Task A_passed_gate_for_the_configured_version_is_ready()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, configVersion: Configured);

        var checklist = await launch.CheckAsync();
        var item = Assert.Single(checklist.Items, i => i.Id == GatePassedCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal($"The gate passed on 2026-11-30 18:00 UTC for {Configured} (the configured version).", item.Detail);
        Assert.Equal((Configured, LaunchTargetResolver.FromConfiguration), (checklist.Version, checklist.VersionSource));
    }

    [Fact]
    public async Task A_gate_report_for_another_version_is_not_ready_and_names_both()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, configVersion: "config-bbbb2222");

        var item = await launch.ItemAsync(GatePassedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("for config-bbbb2222, but the version to launch is config-aaaa1111 (the configured version)", item.Detail);
    }

    [Fact]
    public async Task The_rollout_candidate_is_the_version_to_launch_when_a_rollout_runs()
    {
        using var launch = WithVersions(candidate: "v2-shorter");
        TestGateReport.Write(launch.GatePath, configVersion: Configured);

        var checklist = await launch.CheckAsync();

        Assert.Equal(("v2-shorter", LaunchTargetResolver.FromCandidate), (checklist.Version, checklist.VersionSource));
        var item = Assert.Single(checklist.Items, i => i.Id == GatePassedCheck.Spec.Id);
        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("the version to launch is v2-shorter (the rollout's candidate)", item.Detail);
    }

    [Fact]
    public async Task A_failed_gate_is_not_ready_and_names_the_failing_metric()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, factRecall: 0.4, configVersion: Configured);

        var item = await launch.ItemAsync(GatePassedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.StartsWith("The gate FAILED on 2026-11-30 18:00 UTC: answers.factRecall (0.4 vs >= 0.6)", item.Detail);
    }

    [Fact]
    public async Task No_gate_report_makes_the_three_gate_items_not_ready_naming_the_path()
    {
        using var launch = WithVersions();

        var items = (await launch.CheckAsync()).Items.Where(i => i.Id is "gate-passed" or "redteam-clean" or "held-out-reported").ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.Equal(LaunchState.NotReady, item.State));
        Assert.All(items, item => Assert.Equal($"There is no gate report at {launch.GatePath}.", item.Detail));
    }

    [Fact]
    public async Task A_report_that_names_no_version_is_unknown_not_ready()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, configVersion: null);

        var item = await launch.ItemAsync(GatePassedCheck.Spec.Id);

        Assert.Equal(LaunchState.Unknown, item.State);
        Assert.Contains("does not name the version it evaluated", item.Detail);
    }

    [Fact]
    public async Task Without_a_version_store_the_version_to_launch_is_unknown_and_said_so()
    {
        using var launch = new LaunchHarness();
        TestGateReport.Write(launch.GatePath, configVersion: Configured);

        var checklist = await launch.CheckAsync();

        Assert.Null(checklist.Version);
        var item = Assert.Single(checklist.Items, i => i.Id == GatePassedCheck.Spec.Id);
        Assert.Equal(LaunchState.Unknown, item.State);
        Assert.Contains(LaunchTargetResolver.NoStore, item.Detail);
    }

    [Fact]
    public async Task A_file_that_is_not_a_gate_report_is_not_ready_and_says_why()
    {
        using var launch = WithVersions();
        Directory.CreateDirectory(Path.GetDirectoryName(launch.GatePath)!);
        File.WriteAllText(launch.GatePath, """{"suite": "answers", "metrics": {}}""");

        var item = await launch.ItemAsync(GatePassedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("has no \"passed\" verdict", item.Detail);
    }

    [Fact]
    public async Task Zero_severe_red_team_failures_is_ready_with_the_other_severities_shown()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, configVersion: Configured);

        var item = await launch.ItemAsync(RedTeamCleanCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal($"0 severe red-team failures in the run for {Configured} on 2026-11-30 18:00 UTC (other failures: major 1).", item.Detail);
    }

    [Fact]
    public async Task Severe_red_team_failures_are_not_ready_with_their_count()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, severe: 2, configVersion: Configured);

        var item = await launch.ItemAsync(RedTeamCleanCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.StartsWith("2 severe red-team failure(s)", item.Detail);
    }

    [Fact]
    public async Task A_report_without_a_red_team_run_is_not_ready()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, redTeam: false, configVersion: Configured);

        var item = await launch.ItemAsync(RedTeamCleanCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("has no red-team figures", item.Detail);
    }

    [Fact]
    public async Task Held_out_figures_in_the_report_are_ready_and_quoted()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, configVersion: Configured);

        var item = await launch.ItemAsync(HeldOutReportedCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal("1 held-out figure in the report: factRecall 0.7.", item.Detail);
    }

    [Fact]
    public async Task A_report_without_a_held_out_section_is_not_ready()
    {
        using var launch = WithVersions();
        TestGateReport.Write(launch.GatePath, heldOut: false, configVersion: Configured);

        var item = await launch.ItemAsync(HeldOutReportedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("no held-out section", item.Detail);
    }
}
