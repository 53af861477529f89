using System.Text.Json;
using Assistant.Core.Models;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit;

namespace Assistant.Core.Tests.Models;

public sealed class OpenAIChatClientToolTests
{
    private static IChatClient ClientFor(ScriptedChatServer server) =>
        OpenAIChatClientFactory.Create(server.BaseAddress, "test-chat-model", apiKey: null, TimeSpan.FromSeconds(30));

    private static readonly AIFunctionDeclaration Lookup = AIFunctionFactory.CreateDeclaration("look_up_invoice", "Shows an invoice.",
        JsonDocument.Parse("""{"type":"object","properties":{"invoice":{"type":"string"}},"required":["invoice"]}""").RootElement);

    [Fact]
    public async Task Declarations_are_sent_as_function_tools_and_tool_calls_come_back_as_function_call_content()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.ToolCall("look_up_invoice", """{"invoice":"INV-2026-0142"}"""));
        using var client = ClientFor(server);

        var response = await client.GetResponseAsync("Show INV-2026-0142", new ChatOptions { Tools = [Lookup], ToolMode = ChatToolMode.Auto }, TestContext.Current.CancellationToken);

        var body = Assert.Single(server.Requests);
        var tool = Assert.Single(body["tools"]!.AsArray())!;
        Assert.Equal("function", tool["type"]!.GetValue<string>());
        Assert.Equal("look_up_invoice", tool["function"]!["name"]!.GetValue<string>());
        Assert.Equal("Shows an invoice.", tool["function"]!["description"]!.GetValue<string>());
        Assert.Equal("invoice", tool["function"]!["parameters"]!["required"]![0]!.GetValue<string>());
        Assert.Equal("auto", body["tool_choice"]!.GetValue<string>());

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal("look_up_invoice", call.Name);
        Assert.StartsWith("call_", call.CallId);
        Assert.Null(call.Exception);
        Assert.Equal("INV-2026-0142", call.Arguments!["invoice"]?.ToString());
    }

    [Fact]
    public async Task A_streamed_tool_call_is_assembled_into_one_function_call_with_its_arguments()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.ToolCall("look_up_invoice", """{"invoice":"INV-2026-0142"}"""));
        using var client = ClientFor(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Show INV-2026-0142", new ChatOptions { Tools = [Lookup] }, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("look_up_invoice", "INV-2026-0142"), (call.Name, call.Arguments!["invoice"]?.ToString()));
        Assert.StartsWith("call_", call.CallId);
        Assert.True(Assert.Single(server.Requests)["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Broken_argument_json_is_reported_on_the_function_call()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.ToolCall("look_up_invoice", """{"invoice": "INV-2026"""));
        using var client = ClientFor(server);

        var response = await client.GetResponseAsync("Show my invoice", new ChatOptions { Tools = [Lookup] }, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>());
        Assert.Equal("look_up_invoice", call.Name);
        Assert.NotNull(call.Exception);
        Assert.Null(call.Arguments);
    }

    [Fact]
    public async Task Without_tools_no_tools_are_sent()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("Hi.", 1, 1));
        using var client = ClientFor(server);

        await client.GetResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken);

        var body = Assert.Single(server.Requests);
        Assert.Null(body["tools"]);
        Assert.Null(body["tool_choice"]);
    }
}
