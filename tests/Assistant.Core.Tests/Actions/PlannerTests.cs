using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Models;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;

namespace Assistant.Core.Tests.Actions;

public sealed class PlannerTests : IDisposable
{
    private readonly TestActions _actions = new();

    private ModelToolPlanner ModelPlanner(ScriptedChatServer server) => new(
        OpenAIChatClientFactory.Create(server.BaseAddress, "test-model", apiKey: null, TimeSpan.FromSeconds(30)),
        _actions.Get<ToolCatalog>(), new RouterToolPlanner(), NullLogger<ModelToolPlanner>.Instance);

    [Fact]
    public async Task The_router_asks_for_the_invoice_and_completes_the_request_with_the_reply()
    {
        var planner = new RouterToolPlanner();

        var first = await planner.PlanAsync("I want a refund", [], Cancel);
        Assert.Equal((ToolNames.RequestRefund, "invoice"), (first!.Tool, Assert.Single(first.Missing)));

        var completed = await planner.PlanAsync("INV-2026-0455", ["I want a refund"], Cancel);
        Assert.NotNull(completed);
        Assert.True(completed.IsComplete);
        Assert.Equal((ToolNames.RequestRefund, "INV-2026-0455", "router"), (completed.Tool, completed.Arguments["invoice"], completed.Source));
    }

    [Fact]
    public async Task The_router_ignores_a_reply_that_completes_nothing()
    {
        var planner = new RouterToolPlanner();

        Assert.Null(await planner.PlanAsync("thanks, never mind", ["I want a refund"], Cancel));
    }

    [Fact]
    public async Task The_model_is_offered_every_tool_as_a_function_declaration_and_sees_only_the_users_messages()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("No action needed.", 10, 3));

        var call = await ModelPlanner(server).PlanAsync("Can I see my subscription?", ["Hello"], Cancel);

        Assert.Null(call);
        var body = Assert.Single(server.Requests);
        var tools = body["tools"]!.AsArray().Select(tool => tool!.AsObject()).ToList();
        Assert.All(tools, tool => Assert.Equal("function", tool["type"]!.GetValue<string>()));
        Assert.Equal(
            [ToolNames.ChangePlan, ToolNames.LookUpInvoice, ToolNames.LookUpOrders, ToolNames.LookUpSubscription, ToolNames.OpenTicket, ToolNames.RequestRefund, ToolNames.ResetTwoFactor],
            tools.Select(tool => tool["function"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var refund = tools.Single(tool => tool["function"]!["name"]!.GetValue<string>() == ToolNames.RequestRefund)["function"]!["parameters"]!;
        Assert.Equal(["invoice"], refund["required"]!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.Equal(LookUpInvoicePattern, refund["properties"]!["invoice"]!["pattern"]!.GetValue<string>());
        Assert.Null(refund["properties"]!["context"]);

        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user", "user"], messages.Select(message => message!["role"]!.GetValue<string>()));
        Assert.Equal(["Hello", "Can I see my subscription?"], messages.Skip(1).Select(message => Text(message!["content"]!)));
    }

    private const string LookUpInvoicePattern = @"^[Ii][Nn][Vv]-\d{4}-\d{4}$";

    [Fact]
    public async Task A_scripted_tool_call_becomes_a_model_proposal_with_what_is_missing()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall(ToolNames.RequestRefund, """{"amount":40,"reason":"Charged twice"}"""));

        var call = await ModelPlanner(server).PlanAsync("Please refund $40, I was charged twice", [], Cancel);

        Assert.NotNull(call);
        Assert.Equal((ToolNames.RequestRefund, "model (planner-v1)"), (call.Tool, call.Source));
        Assert.Equal(["invoice"], call.Missing);
        Assert.Equal(40m, call.ArgumentsJson().GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_call_to_a_tool_that_does_not_exist_is_no_proposal()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.ToolCall("delete_account", "{}"));

        Assert.Null(await ModelPlanner(server).PlanAsync("Delete my account", [], Cancel));
    }

    [Fact]
    public async Task A_model_failure_falls_back_to_the_router()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Status(500));

        var call = await ModelPlanner(server).PlanAsync("Refund $20 of INV-2026-0142", [], Cancel);

        Assert.NotNull(call);
        Assert.Equal((ToolNames.RequestRefund, "router"), (call.Tool, call.Source));
        Assert.Equal(20m, (decimal)call.Arguments["amount"]!);
    }

    private static string Text(JsonNode content) =>
        content is JsonValue value ? value.GetValue<string>() : string.Concat(content.AsArray().Select(part => part!["text"]!.GetValue<string>()));

    public void Dispose() => _actions.Dispose();
}
