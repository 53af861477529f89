using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Core.Operations;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Web.Tests.Operations.OperationsApi;

namespace Assistant.Web.Tests.Operations;

/// <summary>Safe mode: with a model configured, forced-offline answers are extractive and tools are planned by the router; the model gets no request.</summary>
public sealed class SafeModeTests
{
    [Fact]
    public async Task Forced_offline_answers_and_plans_without_sending_the_model_a_request_and_says_so()
    {
        await using var model = await ScriptedChatServer.StartAsync();
        model.Otherwise = request => ScriptedChatServer.Text("Refunds are possible within 30 days [1].", 60, 20);
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        factory.Settings["Assistant:Model:Endpoint"] = model.BaseAddress.ToString();
        factory.Settings["Assistant:Model:Model"] = "gpt-4o-mini";
        factory.Settings["Assistant:Model:ApiKey"] = "sk-test";
        factory.Settings["Assistant:Model:MaxRetries"] = "0";
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await AskAsync(alice, "How long do I have to request a full refund?");
        Assert.NotEmpty(model.Requests);

        await SetAsync(ada, new { forceOffline = true });
        var before = model.Requests.Count;
        var answer = await AskAsync(alice, "How long do I have to request a full refund?");
        var ticket = await AskAsync(alice, "Please open a support ticket about my invoice.");
        var completion = await CompleteAsync(alice, "How long do I have to request a full refund?");

        Assert.Equal(before, model.Requests.Count);
        Assert.Equal(("extractive", OperationsNotices.ForcedOffline), (Text(answer, "generator"), Text(answer, "notice")));
        Assert.Equal("ActionRequested", Text(ticket, "outcome"));
        Assert.NotEmpty(completion);
    }
}
