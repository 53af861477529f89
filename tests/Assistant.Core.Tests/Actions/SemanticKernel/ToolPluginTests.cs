using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.SemanticKernel;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions.SemanticKernel;

/// <summary>
/// A Semantic Kernel application (the kernel, its OpenAI connector and automatic function calling, talking real HTTP
/// to the scripted model server) reusing our tools: every call becomes a proposal with its policy, nothing executes.
/// </summary>
public sealed class ToolPluginTests : IDisposable
{
    private readonly TestActions _actions = new();

    [Fact]
    public async Task A_refund_the_model_calls_through_a_kernel_is_only_proposed_and_waits_for_the_customer()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall(Offered + ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":120}"""),
            ScriptedChatServer.Text("I have prepared the refund; please confirm it in the app.", 60, 12));
        var kernel = KernelFor(server).AddAssistantTools(_actions.Proposals, Alice);

        var reply = await AskAsync(kernel, "Please refund $120 of invoice INV-2026-0142");

        Assert.Equal("I have prepared the refund; please confirm it in the app.", reply.Content);
        var proposed = Assert.Single(await _actions.Reader.ListAsync(Alice, [ActionStatus.AwaitingUser], cancellationToken: Cancel));
        Assert.Equal((ToolNames.RequestRefund, ConfirmationPolicy.Agent), (proposed.Tool, proposed.Policy));
        Assert.Equal(0m, (await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount);
        // The model was told the request waits and has not run, so it cannot claim otherwise in good faith.
        var toolMessage = server.Requests.Last().ToJsonString();
        Assert.Contains($"Proposed as {proposed.Id}", toolMessage, StringComparison.Ordinal);
        Assert.Contains("It has not run.", toolMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_look_up_runs_at_once_and_its_result_goes_back_to_the_model()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall(Offered + ToolNames.LookUpSubscription, "{}"),
            ScriptedChatServer.Text("You are on the Team plan.", 60, 8));
        var kernel = KernelFor(server).AddAssistantTools(_actions.Proposals, Alice);

        await AskAsync(kernel, "What plan am I on?");

        var executed = Assert.Single(await _actions.Reader.ListAsync(Alice, [ActionStatus.Executed], cancellationToken: Cancel));
        Assert.Equal(ToolNames.LookUpSubscription, executed.Tool);
        Assert.Contains("Done:", server.Requests.Last().ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_that_break_the_schema_are_refused_and_the_model_is_told_why()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall(Offered + ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":-5}"""),
            ScriptedChatServer.Text("That amount is not valid.", 60, 6));
        var kernel = KernelFor(server).AddAssistantTools(_actions.Proposals, Alice);

        await AskAsync(kernel, "Refund minus five dollars");

        Assert.Empty(await _actions.Reader.ListAsync(Alice, [ActionStatus.AwaitingUser, ActionStatus.Executed], cancellationToken: Cancel));
        Assert.Contains("Not proposed (Invalid)", server.Requests.Last().ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoking_a_tool_function_directly_outside_the_filter_fails_and_changes_nothing()
    {
        var kernel = new Kernel().AddAssistantTools(_actions.Proposals, Alice);
        var refund = kernel.Plugins[AssistantToolsKernelExtensions.PluginName][ToolNames.RequestRefund];

        await Assert.ThrowsAnyAsync<Exception>(() => kernel.InvokeAsync(refund,
            new KernelArguments { ["invoice"] = BackofficeSeed.AliceAnnualInvoice, ["amount"] = 120m }, Cancel));

        Assert.Equal(0m, (await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount);
    }

    [Fact]
    public void The_plugin_offers_every_registered_tool_with_its_schema()
    {
        var plugin = AssistantToolsKernelExtensions.CreatePlugin(_actions.Proposals.Tools.All);

        Assert.Equal(_actions.Proposals.Tools.All.Select(tool => tool.Declaration.Name).Order(), plugin.Select(function => function.Name).Order());
        Assert.All(plugin, function => Assert.False(string.IsNullOrWhiteSpace(function.Description)));
        Assert.DoesNotContain(plugin[ToolNames.RequestRefund].Metadata.Parameters, parameter => parameter.Name == "context");
    }

    /// <summary>Semantic Kernel offers a plugin's functions to the model as "plugin-function".</summary>
    private const string Offered = AssistantToolsKernelExtensions.PluginName + "-";

    private static Kernel KernelFor(ScriptedChatServer server)
    {
#pragma warning disable SKEXP0010 // a custom endpoint is how SK applications reach OpenAI-compatible servers
        return Kernel.CreateBuilder().AddOpenAIChatCompletion("test-model", server.BaseAddress, apiKey: "unused").Build();
#pragma warning restore SKEXP0010
    }

    private static async Task<ChatMessageContent> AskAsync(Kernel kernel, string question)
    {
        var history = new ChatHistory("You help customers with their account.");
        history.AddUserMessage(question);
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        return await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel, Cancel);
    }

    public void Dispose() => _actions.Dispose();
}
