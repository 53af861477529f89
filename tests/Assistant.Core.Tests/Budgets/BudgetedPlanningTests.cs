using Assistant.Core.Actions.Planning;
using Assistant.Core.Budgets;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Budgets;

/// <summary>The tool planner as the host builds it, with budgets: past its budget the offline router plans, and no model is called.</summary>
public sealed class BudgetedPlanningTests : IAsyncLifetime
{
    private ScriptedChatServer _server = null!;
    private TestActions _actions = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _actions = new TestActions(new()
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = "planner-model",
            ["Assistant:Model:MaxRetries"] = "0",
            ["Assistant:Model:Prices:planner-model:InputPerMillion"] = "1",
            ["Assistant:Model:Prices:planner-model:OutputPerMillion"] = "2",
            ["Assistant:Budgets:ToolPlanningMonthlyUsd"] = "0",
        });
    }

    [Fact]
    public async Task Past_the_planning_budget_the_offline_router_plans_without_calling_the_model()
    {
        var call = await _actions.Get<IToolPlanner>().PlanAsync("Please refund $40 of INV-2026-0142", [], TestContext.Current.CancellationToken);

        Assert.NotNull(call);
        Assert.Equal(ToolNames.RequestRefund, call.Tool);
        Assert.DoesNotContain("model", call.Source);
        Assert.Empty(_server.Requests);
        var refusal = Assert.Single(await _actions.Get<IBudgetStore>().ListEventsAsync(10, TestContext.Current.CancellationToken));
        Assert.Equal(("tool-planning-monthly", BudgetLevels.Limit), (refusal.Scope, refusal.Level));
    }

    [Fact]
    public async Task Within_the_planning_budget_the_model_plans_and_its_cost_is_charged_to_the_feature_and_the_user()
    {
        await _actions.Get<IBudgetStore>().SetLimitAsync("tool-planning-monthly", 1m, "ada", TestContext.Current.CancellationToken);
        _server.Enqueue(ScriptedChatServer.ToolCall(ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":40}"""));

        var call = await _actions.Get<IToolPlanner>().PlanAsync("Please refund $40 of INV-2026-0142", [], "alice", TestContext.Current.CancellationToken);

        Assert.Equal("model (planner-v1)", call!.Source);
        var now = _actions.Clock.GetUtcNow();
        var usage = await _actions.Get<IBudgetStore>().ListUsageAsync([now.ToString("yyyy-MM"), now.ToString("yyyy-MM-dd")], _ => 1m, TestContext.Current.CancellationToken);
        // The scripted tool call reports 40 prompt and 12 completion tokens: charged to the feature and to alice's day.
        var cost = (40 * 1m + 12 * 2m) / 1_000_000m;
        Assert.Equal((cost, 0m), (usage.Single(u => u.Scope == "tool-planning-monthly").Spent, usage.Single(u => u.Scope == "tool-planning-monthly").Reserved));
        Assert.Equal(cost, usage.Single(u => u.Scope == "user-daily" && u.Key == "alice").Spent);
    }

    public async ValueTask DisposeAsync()
    {
        _actions.Dispose();
        await _server.DisposeAsync();
    }
}
