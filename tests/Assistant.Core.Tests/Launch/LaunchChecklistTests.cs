using Assistant.Core.Audit;
using Assistant.Core.Launch;
using Assistant.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Launch;

/// <summary>The checklist as a whole: its order, and ready only when every item is, Unknown included.</summary>
public sealed class LaunchChecklistTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_item_ready_makes_the_checklist_ready_and_one_unknown_item_does_not()
    {
        const string alert = "AssistantAnswerErrors";
        await using var prometheus = await FakePrometheus.StartAsync(new Dictionary<string, string> { [alert] = "ok" });
        using var launch = new LaunchHarness(
            new() { ["Assistant:Launch:PrometheusUrl"] = prometheus.BaseAddress.ToString(), ["Assistant:Launch:Owner"] = "Ada" },
            services => services.AddSingleton<Assistant.Core.Releases.IAssistantVersionStore>(new TestVersionStore("config-aaaa1111")));
        TestGateReport.Write(launch.GatePath, configVersion: "config-aaaa1111");
        launch.WriteRules(alert);
        launch.WriteRunbook($"# Runbook\n\n## {alert}\n");
        var operations = launch.Get<OperationsAdministration>();
        await operations.SetAsync("ada", "admin", new OperationsSettings(false, [], true, false, "Back soon."), Cancel);
        await operations.ClearAsync("ada", "admin", Cancel);
        await launch.AppendAsync(AuditEvent.RolloutRolledBack, "releases", AuditRecord.SystemActor, "v2: errors");

        var ready = await launch.CheckAsync();

        Assert.All(ready.Items, item => Assert.True(item.State == LaunchState.Ready, $"{item.Id}: {item.State}: {item.Detail}"));
        Assert.True(ready.Ready);
        Assert.Equal(
            ["gate-passed", "redteam-clean", "held-out-reported", "budgets-set", "alert-rules-loaded", "feedback-triage", "audit-on",
             "kill-switch-tested", "rollback-exercised", "runbook", "owner-named"],
            ready.Items.Select(item => item.Id));
        Assert.StartsWith("# Launch readiness: READY", LaunchMarkdown.Render(ready));

        TestGateReport.Write(launch.GatePath, configVersion: null);
        var unknown = await launch.CheckAsync();

        Assert.Equal(LaunchState.Unknown, Assert.Single(unknown.Items, item => item.State != LaunchState.Ready).State);
        Assert.False(unknown.Ready);
        Assert.Contains("| Release gate passed for the version to launch | unknown |", LaunchMarkdown.Render(unknown));
    }
}
