using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Models;

/// <summary>
/// The planner as the host builds it (telemetry, function invocation, retries, the M.E.AI OpenAI adapter) against the
/// scripted server: a tool call the model makes becomes a proposal; the function-invocation layer invokes nothing.
/// </summary>
public sealed class ModelToolPlannerPipelineTests : IAsyncLifetime
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
        });
    }

    [Theory]
    [InlineData(ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":40}""")]
    [InlineData(ToolNames.LookUpInvoice, """{"invoice":"INV-2026-0142"}""")]
    public async Task A_model_calling_a_tool_through_the_pipeline_gets_a_proposal_and_nothing_executes(string tool, string arguments)
    {
        var cancel = TestContext.Current.CancellationToken;
        var alice = (await _actions.Backoffice.GetCustomerAsync("alice", cancel))!;
        var before = await _actions.Backoffice.GetInvoiceAsync(alice.Id, BackofficeSeed.AliceAnnualInvoice, cancel);
        _server.Enqueue(ScriptedChatServer.ToolCall(tool, arguments));

        var call = await _actions.Get<IToolPlanner>().PlanAsync("Please refund $40 of INV-2026-0142", [], cancel);

        Assert.NotNull(call);
        Assert.Equal((tool, "model (planner-v1)", true), (call.Tool, call.Source, call.IsComplete));
        Assert.Equal("INV-2026-0142", call.ArgumentsJson().GetProperty("invoice").GetString());
        // Invoking the tool would have sent its result (or its failure) back to the model in a second request.
        Assert.Single(_server.Requests);
        Assert.Empty(await _actions.Audit.ListAsync(new AuditQuery(), cancel));
        Assert.Equal(before, await _actions.Backoffice.GetInvoiceAsync(alice.Id, BackofficeSeed.AliceAnnualInvoice, cancel));
    }

    [Fact]
    public async Task A_call_to_a_tool_that_does_not_exist_is_no_proposal_and_not_sent_back_to_the_model()
    {
        _server.Enqueue(ScriptedChatServer.ToolCall("delete_account", "{}"));

        var call = await _actions.Get<IToolPlanner>().PlanAsync("Delete my account", [], TestContext.Current.CancellationToken);

        Assert.Null(call);
        Assert.Single(_server.Requests);
    }

    public async ValueTask DisposeAsync()
    {
        _actions.Dispose();
        await _server.DisposeAsync();
    }
}
