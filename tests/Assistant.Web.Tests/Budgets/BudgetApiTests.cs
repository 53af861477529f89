using System.Net;
using System.Net.Http.Json;
using Assistant.Core.Audit;
using Assistant.Core.Budgets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Budgets;

/// <summary>/api/admin/budgets over HTTP: admins read and change limits (stored, audited, in force at once); others are refused.</summary>
public sealed class BudgetApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_sees_every_scope_with_its_limit_spend_and_remaining()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Budgets:GlobalDailyUsd"] = "7.5";
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var budgets = await ada.GetFromJsonAsync<BudgetsResponse>("/api/admin/budgets", Cancel);

        Assert.True(budgets!.Enabled);
        Assert.Equal(80, budgets.SoftThresholdPercent);
        Assert.Equal(BudgetScopes.All.Select(s => s.Name), budgets.Scopes.Select(s => s.Name));
        var global = budgets.Scopes.Single(s => s.Name == "global-daily");
        Assert.Equal((7.5m, 7.5m, "usd", "day"), (global.Limit, global.DefaultLimit, global.Unit, global.Period));
        var account = Assert.Single(global.Accounts);
        Assert.Equal(("all", 0m, 7.5m, 0d), (account.Key, account.Spent, account.Remaining, account.Utilization));
    }

    [Fact]
    public async Task An_admin_changes_a_limit_which_is_stored_audited_and_in_force_for_the_next_call()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        // One input token of this model costs $0.30.
        factory.Settings["Assistant:Model:Prices:api-test-model:InputPerMillion"] = "300000";
        factory.Settings["Assistant:Budgets:RequestMaxUsd"] = "100";
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var gate = factory.Services.GetRequiredService<BudgetGate>();
        var call = new BudgetCall(BudgetFeatures.Answers, "alice", ["api-test-model"], 1, 0);
        var before = await gate.ReserveAsync(call, Cancel);
        await gate.ReleaseAsync(before);

        using var response = await ada.PutAsJsonAsync("/api/admin/budgets/user-daily", new { limit = 0.25m }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scope = await response.Content.ReadFromJsonAsync<BudgetScopeResponse>(Cancel);
        Assert.Equal((0.25m, 1m, "ada"), (scope!.Limit, scope.DefaultLimit, scope.UpdatedBy));
        var entry = Assert.Single(await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(), Cancel), e => e.Event == AuditEvent.BudgetLimitChanged);
        Assert.Equal(("ada", "budgets"), (entry.Actor, entry.Tool));
        Assert.Contains("user-daily: 1", entry.Detail);
        Assert.Contains("0.25 usd", entry.Detail);
        // The gate reads the stored limit on the very next call: $0.30 fitted alice's day before, and no longer does.
        Assert.Equal(BudgetModes.Model, before.Decision.Mode);
        var after = await gate.ReserveAsync(call, Cancel);
        Assert.Equal(new BudgetDecision(BudgetModes.Offline, null, "user-daily"), after.Decision);
    }

    [Theory]
    [InlineData("user-daily", """{"limit": -1}""", "limit")]
    [InlineData("user-daily", """{"limit": "lots"}""", "body")]
    [InlineData("user-daily", """{}""", "limit")]
    [InlineData("request-tokens", """{"limit": 10.5}""", "limit")]
    [InlineData("weekly-fun", """{"limit": 1}""", "scope")]
    public async Task Bad_input_is_a_400_naming_what_was_wrong_and_changes_nothing(string scope, string body, string field)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");

        using var response = await ada.PutAsync($"/api/admin/budgets/{scope}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await factory.Services.GetRequiredService<IBudgetStore>().ListLimitsAsync(Cancel));
    }

    [Theory]
    [InlineData("alice", HttpStatusCode.Forbidden)]
    [InlineData("sam", HttpStatusCode.Forbidden)]
    public async Task Only_admins_read_or_change_budgets(string username, HttpStatusCode expected)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = await factory.CreateIngestedClientAsync(username);

        using var list = await client.GetAsync("/api/admin/budgets", Cancel);
        using var events = await client.GetAsync("/api/admin/budgets/events", Cancel);
        using var change = await client.PutAsJsonAsync("/api/admin/budgets/global-daily", new { limit = 1000 }, Cancel);

        Assert.Equal([expected, expected, expected], new[] { list.StatusCode, events.StatusCode, change.StatusCode });
        Assert.Empty(await factory.Services.GetRequiredService<IBudgetStore>().ListLimitsAsync(Cancel));
    }

    [Fact]
    public async Task Threshold_crossings_are_listed_for_admins_newest_first()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var store = factory.Services.GetRequiredService<IBudgetStore>();
        var account = new BudgetAccount("global-daily", BudgetKinds.Global, "all", "2026-12-01", 1m);
        await store.ReserveAsync([account], 0.9m, 0.8m, Cancel);
        await store.ReserveAsync([account], 0.9m, 0.8m, Cancel);

        var events = await ada.GetFromJsonAsync<List<BudgetEventResponse>>("/api/admin/budgets/events", Cancel);
        using var tooMany = await ada.GetAsync("/api/admin/budgets/events?limit=100000", Cancel);

        Assert.Equal([BudgetLevels.Limit, BudgetLevels.Soft], events!.Select(e => e.Level));
        Assert.Equal((0.9m, 1m), (events![1].Used, events[1].Limit));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }
}
