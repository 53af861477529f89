using Assistant.Core.Answers;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tracing;
using Xunit;

namespace Assistant.Core.Tests.Answers;

/// <summary>The model path end to end: the official OpenAI SDK over real HTTP to a scripted server on 127.0.0.1.</summary>
public sealed class ModelAnswerTests : IAsyncLifetime
{
    private const string Question = "How long do I have to ask for a full refund?";
    private const string Supported = "We refund the full amount of your first payment if you request it within 14 days. [1]";

    private ScriptedChatServer _server = null!;
    private TestKnowledgeBase _knowledge = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _knowledge = new TestKnowledgeBase(settings: new()
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = "gpt-4o-mini",
            ["Assistant:Model:ApiKey"] = "sk-test",
            ["Assistant:Model:TimeoutSeconds"] = "1",
            ["Assistant:Model:MaxRetries"] = "2",
            ["Assistant:Model:RetryDelayMilliseconds"] = "10",
        });
        _knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days.\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days."));
        await _knowledge.IngestAsync();
    }

    private Task<Answer> AskAsync(string question = Question) =>
        _knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(question), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_model_answer_is_verified_and_traced_with_the_providers_usage_and_price()
    {
        _server.Enqueue(ScriptedChatServer.Text(Supported, promptTokens: 300, completionTokens: 20));

        var answer = await AskAsync();
        var trace = await _knowledge.Get<ITraceStore>().GetAsync(answer.TraceId, TestContext.Current.CancellationToken);

        Assert.Equal((AnswerOutcome.Answered, "model", "gpt-4o-mini"), (answer.Outcome, answer.Generator, answer.Model));
        Assert.True(Assert.Single(answer.Sentences).Supported);
        Assert.Null(answer.Notice);
        Assert.Equal((300, 20, "provider"), (trace!.TokensIn, trace.TokensOut, trace.TokenSource));
        Assert.Equal((300 * 0.15m + 20 * 0.60m) / 1_000_000m, trace.Cost);
        var prompt = _server.Requests.Single()["messages"]!.ToJsonString();
        Assert.Contains("[1] Refund policy", prompt);
        Assert.Contains(Question, prompt);
    }

    [Fact]
    public async Task A_model_sentence_that_contradicts_its_passage_is_removed()
    {
        _server.Enqueue(ScriptedChatServer.Text($"{Supported} Refunds reach your card in 30 business days. [1]", 300, 30));

        var answer = await AskAsync();

        var sentence = Assert.Single(answer.Sentences);
        Assert.Contains("14 days", sentence.Text);
        Assert.DoesNotContain("30 business days", answer.Text);
    }

    [Fact]
    public async Task A_model_that_finds_nothing_makes_the_assistant_decline()
    {
        _server.Enqueue(ScriptedChatServer.Text("I could not find this in the knowledge base.", 300, 10));

        var answer = await AskAsync();

        Assert.Equal(AnswerOutcome.Abstained, answer.Outcome);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Fact]
    public async Task A_rate_limited_call_is_retried_and_then_answered_by_the_model()
    {
        _server.Enqueue(ScriptedChatServer.Status(429, retryAfter: "0"), ScriptedChatServer.Text(Supported, 300, 20));

        var answer = await AskAsync();

        Assert.Equal("model", answer.Generator);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData(500, "returned an error (HTTP 500)")]
    [InlineData(503, "returned an error (HTTP 503)")]
    [InlineData(429, "is rate-limited")]
    public async Task A_model_that_keeps_failing_falls_back_to_the_extractive_answer_with_a_notice(int status, string cause)
    {
        _server.Enqueue(ScriptedChatServer.Status(status), ScriptedChatServer.Status(status), ScriptedChatServer.Status(status));

        var answer = await AskAsync();

        Assert.Equal((AnswerOutcome.Answered, "extractive"), (answer.Outcome, answer.Generator));
        Assert.Contains(cause, answer.Notice);
        Assert.Contains("14 days", answer.Text);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_falls_back()
    {
        var slow = ScriptedChatServer.Delay(TimeSpan.FromSeconds(5), ScriptedChatServer.Text(Supported, 1, 1));
        _server.Enqueue(slow, slow, slow);

        var answer = await AskAsync();

        Assert.Equal("extractive", answer.Generator);
        Assert.Contains("did not answer in time", answer.Notice);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("empty")]
    public async Task A_reply_that_is_not_a_chat_completion_falls_back(string kind)
    {
        ScriptedChatServer.Reply Bad() => kind == "malformed" ? ScriptedChatServer.Malformed() : ScriptedChatServer.Empty();
        _server.Enqueue(Bad(), Bad(), Bad());

        var answer = await AskAsync();

        Assert.Equal("extractive", answer.Generator);
        Assert.Contains("could not be read", answer.Notice);
    }

    [Fact]
    public async Task Streaming_yields_the_models_text_before_the_verified_answer()
    {
        _server.Enqueue(ScriptedChatServer.Text(Supported, 300, 20));

        var events = new List<AnswerEvent>();
        await foreach (var item in _knowledge.Get<AnswerService>().StreamAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        var deltas = events.OfType<AnswerDelta>().ToList();
        Assert.True(deltas.Count > 3, $"expected several deltas, got {deltas.Count}");
        Assert.IsType<AnswerCompleted>(events[^1]);
        Assert.Equal(Supported, string.Concat(deltas.Select(d => d.Text)).Trim());
    }

    public async ValueTask DisposeAsync()
    {
        _knowledge.Dispose();
        await _server.DisposeAsync();
    }
}
