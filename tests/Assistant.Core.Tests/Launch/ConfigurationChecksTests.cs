using System.ComponentModel.DataAnnotations;
using Assistant.Core.Launch;
using Assistant.Core.Launch.Checks;
using Xunit;

namespace Assistant.Core.Tests.Launch;

/// <summary>The items read from files and configuration: alert rules loaded, runbook, owner; and the options' validation.</summary>
public sealed class ConfigurationChecksTests
{
    [Fact]
    public async Task Without_a_prometheus_url_alert_rules_are_unknown_with_the_shipped_count()
    {
        using var launch = new LaunchHarness();
        launch.WriteRules("AssistantAnswerErrors", "AssistantBudgetExhausted");

        var item = await launch.ItemAsync(AlertRulesLoadedCheck.Spec.Id);

        Assert.Equal(LaunchState.Unknown, item.State);
        Assert.Equal($"2 alert rules are shipped in {launch.RulesDirectory}; Assistant:Launch:PrometheusUrl is not set, so whether Prometheus loaded them cannot be checked from here.", item.Detail);
    }

    [Fact]
    public async Task Every_shipped_rule_loaded_and_healthy_in_prometheus_is_ready()
    {
        await using var prometheus = await FakePrometheus.StartAsync(new Dictionary<string, string> { ["AssistantAnswerErrors"] = "ok", ["AssistantBudgetExhausted"] = "ok", ["SomeoneElsesAlert"] = "ok" });
        using var launch = new LaunchHarness(new() { ["Assistant:Launch:PrometheusUrl"] = prometheus.BaseAddress.ToString() });
        launch.WriteRules("AssistantAnswerErrors", "AssistantBudgetExhausted");

        var item = await launch.ItemAsync(AlertRulesLoadedCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal($"All 2 shipped alerts are loaded in Prometheus at {prometheus.BaseAddress}.", item.Detail);
    }

    [Fact]
    public async Task A_shipped_rule_prometheus_has_not_loaded_is_not_ready_and_named()
    {
        await using var prometheus = await FakePrometheus.StartAsync(new Dictionary<string, string> { ["AssistantAnswerErrors"] = "ok" });
        using var launch = new LaunchHarness(new() { ["Assistant:Launch:PrometheusUrl"] = prometheus.BaseAddress.ToString() });
        launch.WriteRules("AssistantAnswerErrors", "AssistantBudgetExhausted");

        var item = await launch.ItemAsync(AlertRulesLoadedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.EndsWith("has not loaded 1 of 2 shipped alerts: AssistantBudgetExhausted.", item.Detail);
    }

    [Fact]
    public async Task A_rule_prometheus_fails_to_evaluate_is_not_ready()
    {
        await using var prometheus = await FakePrometheus.StartAsync(new Dictionary<string, string> { ["AssistantAnswerErrors"] = "err" });
        using var launch = new LaunchHarness(new() { ["Assistant:Launch:PrometheusUrl"] = prometheus.BaseAddress.ToString() });
        launch.WriteRules("AssistantAnswerErrors");

        var item = await launch.ItemAsync(AlertRulesLoadedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.EndsWith("reports errors evaluating: AssistantAnswerErrors.", item.Detail);
    }

    [Fact]
    public async Task An_unreachable_prometheus_is_not_ready_not_unknown()
    {
        // A port that was free a moment ago: nothing listens there now.
        await using var gone = await FakePrometheus.StartAsync(new Dictionary<string, string>());
        var address = gone.BaseAddress;
        await gone.DisposeAsync();
        using var launch = new LaunchHarness(new() { ["Assistant:Launch:PrometheusUrl"] = address.ToString() });
        launch.WriteRules("AssistantAnswerErrors");

        var item = await launch.ItemAsync(AlertRulesLoadedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.StartsWith($"Could not read the loaded rules from {address}", item.Detail);
    }

    [Fact]
    public async Task A_runbook_with_a_section_per_alert_is_ready()
    {
        using var launch = new LaunchHarness();
        launch.WriteRules("AssistantAnswerErrors", "AssistantBudgetExhausted");
        launch.WriteRunbook("# Runbook\n\n## Alerts\n\n### AssistantAnswerErrors (critical)\n\nDo this.\n\n### `AssistantBudgetExhausted`\n\nDo that.\n");

        var item = await launch.ItemAsync(RunbookCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal("runbook.md has a section for each of the 2 alerts.", item.Detail);
    }

    [Fact]
    public async Task A_runbook_missing_an_alert_is_not_ready_and_lists_it_and_code_blocks_are_no_sections()
    {
        using var launch = new LaunchHarness();
        launch.WriteRules("AssistantAnswerErrors", "AssistantBudgetExhausted", "AssistantQueryDrift");
        // Named in the text and in a shell comment, but with no heading of its own.
        launch.WriteRunbook("# Runbook\n\n### AssistantAnswerErrors\n\nSee AssistantQueryDrift.\n\n```sh\n# AssistantBudgetExhausted\ncurl ...\n```\n");

        var item = await launch.ItemAsync(RunbookCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Equal("runbook.md has no section for 2 of 3 alerts: AssistantBudgetExhausted, AssistantQueryDrift.", item.Detail);
    }

    [Fact]
    public async Task No_runbook_is_not_ready()
    {
        using var launch = new LaunchHarness();
        launch.WriteRules("AssistantAnswerErrors");

        var item = await launch.ItemAsync(RunbookCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Equal($"There is no runbook at {launch.RunbookPath}.", item.Detail);
    }

    [Fact]
    public void The_repository_runbook_has_a_section_for_every_shipped_alert()
    {
        var root = RepositoryRoot();
        var alerts = AlertRuleFiles.Names(Path.Combine(root, "infra", "prometheus", "rules"));

        var missing = RunbookSections.Missing(File.ReadAllText(Path.Combine(root, "docs", "runbook.md")), alerts);

        Assert.True(alerts.Count >= 12, $"Expected the shipped alert rules, found {alerts.Count}.");
        Assert.True(missing.Count == 0, $"docs/runbook.md has no section for: {string.Join(", ", missing)}. Add a heading naming each alert.");
    }

    [Fact]
    public async Task An_owner_in_configuration_is_ready()
    {
        using var launch = new LaunchHarness(new() { ["Assistant:Launch:Owner"] = " Ada Lovelace <ada@example.com> " });

        var item = await launch.ItemAsync(OwnerNamedCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal("Owner: Ada Lovelace <ada@example.com> (Assistant:Launch:Owner).", item.Detail);
    }

    [Fact]
    public async Task No_owner_is_not_ready()
    {
        using var launch = new LaunchHarness();

        var item = await launch.ItemAsync(OwnerNamedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
    }

    [Theory]
    [InlineData("/prometheus")]
    [InlineData("ftp://127.0.0.1:9090")]
    public void A_prometheus_url_that_is_not_absolute_http_fails_validation(string url)
    {
        var options = new LaunchOptions { PrometheusUrl = new Uri(url, UriKind.RelativeOrAbsolute) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, result => result.MemberNames.Contains(nameof(LaunchOptions.PrometheusUrl)));
    }

    [Fact]
    public void The_repository_rule_files_parse_to_the_alerts_promtool_sees()
    {
        var alerts = AlertRuleFiles.Names(Path.Combine(RepositoryRoot(), "infra", "prometheus", "rules"));

        Assert.Contains("AssistantAnswerErrors", alerts);
        Assert.Contains("AssistantDriftSignalMissing", alerts);
        Assert.All(alerts, alert => Assert.Matches("^Assistant[A-Za-z0-9]+$", alert));
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Assistant.sln above {AppContext.BaseDirectory}.");
    }
}
