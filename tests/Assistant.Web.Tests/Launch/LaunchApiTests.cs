using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Launch;

/// <summary>/api/admin/launch and its Markdown export over the real host: admins only, computed from the host's own state.</summary>
public sealed class LaunchApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static AssistantWebFactory Factory(string gatePath)
    {
        var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Launch:GateReportPath"] = gatePath;
        factory.Settings["Assistant:Launch:RunbookPath"] = Path.Combine(AssistantWebFactory.RepositoryRoot, "docs", "runbook.md");
        factory.Settings["Assistant:Launch:AlertRulesDirectory"] = Path.Combine(AssistantWebFactory.RepositoryRoot, "infra", "prometheus", "rules");
        factory.Settings["Assistant:Launch:Owner"] = "Ada Lovelace";
        return factory;
    }

    [Fact]
    public async Task An_admin_gets_every_item_with_its_state_evidence_and_fix_and_a_drill_turns_the_kill_switch_item_green()
    {
        var gate = Path.Combine(Directory.CreateTempSubdirectory("assistant-launch-gate-").FullName, "gate.json");
        LaunchGateFile.Write(gate, configVersion: null);
        await using var factory = Factory(gate);
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var before = await ada.GetFromJsonAsync<JsonElement>("/api/admin/launch", Cancel);

        Assert.False(before.GetProperty("ready").GetBoolean());
        var items = before.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("id").GetString()!);
        Assert.Equal(11, items.Count);
        Assert.Equal("NotReady", items["kill-switch-tested"].GetProperty("state").GetString());
        Assert.Equal("/admin/operations", items["kill-switch-tested"].GetProperty("fix").GetProperty("href").GetString());
        Assert.Equal("Ready", items["runbook"].GetProperty("state").GetString());
        Assert.Equal("Ready", items["owner-named"].GetProperty("state").GetString());
        Assert.Equal("Ready", items["redteam-clean"].GetProperty("state").GetString());
        Assert.Equal("Ready", items["budgets-set"].GetProperty("state").GetString());
        Assert.Equal("Unknown", items["alert-rules-loaded"].GetProperty("state").GetString());
        Assert.Equal("Unknown", items["gate-passed"].GetProperty("state").GetString());
        Assert.All(items.Values, item => Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("definition").GetString())));

        // The drill, through the admin API: safe mode on, then back to configuration.
        (await ada.PutAsJsonAsync("/api/admin/operations", new { forceOffline = true }, Cancel)).EnsureSuccessStatusCode();
        (await ada.DeleteAsync("/api/admin/operations", Cancel)).EnsureSuccessStatusCode();
        var after = await ada.GetFromJsonAsync<JsonElement>("/api/admin/launch", Cancel);

        var killSwitch = after.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetString() == "kill-switch-tested");
        Assert.Equal("Ready", killSwitch.GetProperty("state").GetString());
        Assert.Contains("(forced offline), cleared by ada", killSwitch.GetProperty("detail").GetString());
        Assert.Equal("Ready", after.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetString() == "audit-on").GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_markdown_export_is_a_table_with_the_verdict_first()
    {
        var gate = Path.Combine(Directory.CreateTempSubdirectory("assistant-launch-gate-").FullName, "gate.json");
        await using var factory = Factory(gate);
        using var ada = await factory.CreateIngestedClientAsync("ada");

        using var response = await ada.GetAsync("/api/admin/launch.md", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        var markdown = await response.Content.ReadAsStringAsync(Cancel);
        Assert.StartsWith("# Launch readiness: NOT READY", markdown);
        Assert.Contains($"| Release gate passed for the version to launch | NOT READY | There is no gate report at {gate}. |", markdown);
        Assert.Contains("| Runbook covers every alert | ready |", markdown);
    }

    [Theory]
    [InlineData("alice", "/api/admin/launch")]
    [InlineData("sam", "/api/admin/launch")]
    [InlineData("sam", "/api/admin/launch.md")]
    public async Task Only_admins_read_the_checklist(string username, string path)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = await factory.CreateIngestedClientAsync(username);

        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
