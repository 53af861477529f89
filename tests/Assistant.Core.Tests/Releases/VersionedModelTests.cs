using Assistant.Core.Answers;
using Assistant.Core.Releases;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Releases;

/// <summary>
/// A version's model, parameters, prompt and support threshold reach a real OpenAI-compatible server over HTTP (the
/// scripted one on 127.0.0.1), through the same middleware as the configured model.
/// </summary>
public sealed class VersionedModelTests : IAsyncLifetime
{
    private const string Question = "How long do I have to ask for a full refund?";

    // Half of it is in the passage, half is not: supported at a low threshold, not at a high one.
    private const string HalfSupported = "We refund the full amount of your first payment within 14 days, and every refund includes a bonus gift card for the trouble. [1]";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ScriptedChatServer _server = null!;
    private TestKnowledgeBase _knowledge = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _knowledge = new TestKnowledgeBase(services => services.AddSingleton<SettableVersionSelector>()
            .AddSingleton<IVersionSelector>(provider => provider.GetRequiredService<SettableVersionSelector>()), new()
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = "gpt-4o-mini",
            ["Assistant:Model:ApiKey"] = "sk-test",
            ["Assistant:Model:MaxRetries"] = "0",
        });
        _knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days.\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days."));
        await _knowledge.IngestAsync();
    }

    private SettableVersionSelector Selector => _knowledge.Get<SettableVersionSelector>();

    private async Task<AssistantVersion> VersionAsync(string id, Func<AssistantSettings, AssistantSettings> change)
    {
        var store = _knowledge.Get<IAssistantVersionStore>();
        var configured = await store.ConfiguredAsync(Cancel);
        return await store.CreateDraftAsync(id, "", change(configured.Settings), configured.Id, "ada", Cancel);
    }

    private async Task<(Answer Answer, AnswerTrace Trace)> AskAsync()
    {
        var answer = await _knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question, UserId: "alice"), Cancel);
        return (answer, (await _knowledge.Get<ITraceStore>().GetAsync(answer.TraceId, Cancel))!);
    }

    [Fact]
    public async Task The_versions_model_temperature_output_limit_and_prompt_reach_the_server()
    {
        Selector.Version = await VersionAsync("v2-other-model", settings => settings with
        {
            Model = "candidate-model", Temperature = 0.25f, MaxOutputTokens = 300, AnswerPrompt = "answer-v1",
        });
        _server.Enqueue(ScriptedChatServer.Text("We refund the full amount of your first payment if you request it within 14 days. [1]", 300, 20));

        var (answer, trace) = await AskAsync();

        var request = Assert.Single(_server.Requests);
        Assert.Equal("candidate-model", request["model"]!.GetValue<string>());
        Assert.Equal(0.25, request["temperature"]!.GetValue<double>(), 3);
        Assert.Contains("300", (request["max_completion_tokens"] ?? request["max_tokens"])!.ToJsonString());
        // answer-v1 has no untrusted block and no rule about sources that disagree.
        Assert.DoesNotContain("sources disagree", request["messages"]!.ToJsonString());
        Assert.Equal(("model", "candidate-model"), (answer.Generator, answer.Model));
        Assert.Equal(("v2-other-model", "answer-v1", "candidate-model"), (trace.ConfigVersion, trace.PromptVersion, trace.Model));
    }

    [Fact]
    public async Task The_configured_model_answers_without_a_version_of_its_own()
    {
        _server.Enqueue(ScriptedChatServer.Text("We refund the full amount of your first payment if you request it within 14 days. [1]", 300, 20));

        var (_, trace) = await AskAsync();

        Assert.Equal("gpt-4o-mini", Assert.Single(_server.Requests)["model"]!.GetValue<string>());
        Assert.Null(Assert.Single(_server.Requests)["temperature"]);
        Assert.StartsWith("config-", trace.ConfigVersion);
    }

    [Fact]
    public async Task The_versions_support_threshold_decides_whether_a_half_supported_sentence_stays()
    {
        Selector.Version = await VersionAsync("v2-lenient", settings => settings with { Answers = settings.Answers with { SupportThreshold = 0.05 } });
        _server.Enqueue(ScriptedChatServer.Text(HalfSupported, 300, 30));
        var (lenient, _) = await AskAsync();

        Selector.Version = await VersionAsync("v2-strict", settings => settings with { Answers = settings.Answers with { SupportThreshold = 0.95 } });
        _server.Enqueue(ScriptedChatServer.Text(HalfSupported, 300, 30));
        var (strict, trace) = await AskAsync();

        Assert.Contains("gift card", lenient.Text);
        Assert.DoesNotContain("gift card", strict.Text);
        Assert.Equal("v2-strict", trace.ConfigVersion);
    }

    public async ValueTask DisposeAsync()
    {
        _knowledge.Dispose();
        await _server.DisposeAsync();
    }
}
