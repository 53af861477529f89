using System.Collections.Concurrent;
using System.Diagnostics;
using Assistant.Core.Answers;
using Assistant.Core.Answers.Generation;
using Assistant.Core.Models.Middleware;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit;

namespace Assistant.Core.Tests.Models;

/// <summary>The generator as the host builds it, over real HTTP to the scripted OpenAI-compatible server.</summary>
public sealed class GeneratorPipelineTests : IAsyncLifetime
{
    // Unique to this class: the activity listener is process-wide and other tests call models at the same time.
    private const string Model = "generator-pipeline-test-model";

    private ScriptedChatServer _server = null!;
    private TestKnowledgeBase _knowledge = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _knowledge = new TestKnowledgeBase(settings: new()
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = Model,
            ["Assistant:Model:TimeoutSeconds"] = "5",
            ["Assistant:Model:MaxRetries"] = "2",
            ["Assistant:Model:RetryDelayMilliseconds"] = "10",
        });
    }

    private IChatClient Generator => _knowledge.Get<IChatClient>();

    private async Task<List<ChatResponseUpdate>> StreamAsync()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Generator.GetStreamingResponseAsync("How long do refunds take?", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }
        return updates;
    }

    [Fact]
    public async Task A_stream_is_retried_until_its_first_token_and_then_streams_the_models_text()
    {
        _server.Enqueue(ScriptedChatServer.Status(429, retryAfter: "0"), ScriptedChatServer.Status(503), ScriptedChatServer.Text("Five to ten days.", 10, 4));

        var updates = await StreamAsync();

        Assert.Equal("Five to ten days.", string.Concat(updates.Select(update => update.Text)));
        Assert.DoesNotContain(updates, update => update.AdditionalProperties?.ContainsKey(ModelNotices.Key) == true);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_from_the_server_sets_the_wait_before_the_next_attempt()
    {
        _server.Enqueue(ScriptedChatServer.Status(429, retryAfter: "1"), ScriptedChatServer.Text("Five to ten days.", 10, 4));
        var clock = Stopwatch.StartNew();

        var updates = await StreamAsync();

        Assert.Equal("Five to ten days.", string.Concat(updates.Select(update => update.Text)));
        // The configured backoff is 10 ms; only the header explains a wait of a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_stream_that_fails_every_attempt_is_answered_by_the_fallback_with_a_notice()
    {
        _knowledge.Write("refunds.md", TestKnowledgeBase.Article("Refunds", "## Timing\n\nRefunds reach your card in 5 to 10 business days."));
        await _knowledge.IngestAsync();
        _server.Enqueue(ScriptedChatServer.Malformed(), ScriptedChatServer.Empty(), ScriptedChatServer.Status(500));

        var events = new List<AnswerEvent>();
        await foreach (var item in _knowledge.Get<AnswerService>().StreamAsync(new AnswerRequest("How long do refunds take to reach my card?"), TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        var answer = Assert.IsType<AnswerCompleted>(events[^1]).Answer;
        Assert.Equal("extractive", answer.Generator);
        Assert.Contains("returned an error (HTTP 500)", answer.Notice);
        Assert.Contains("5 to 10 business days", answer.Text);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Every_model_call_is_a_gen_ai_client_span_with_model_and_token_usage()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        _server.Enqueue(ScriptedChatServer.Text("Five to ten days.", promptTokens: 30, completionTokens: 4));

        await Generator.GetResponseAsync("How long do refunds take?", cancellationToken: TestContext.Current.CancellationToken);

        var span = Assert.Single(spans, activity => (string?)activity.GetTagItem("gen_ai.request.model") == Model);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("openai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(30, Convert.ToInt32(span.GetTagItem("gen_ai.usage.input_tokens")));
        Assert.Equal(4, Convert.ToInt32(span.GetTagItem("gen_ai.usage.output_tokens")));
    }

    public async ValueTask DisposeAsync()
    {
        _knowledge.Dispose();
        await _server.DisposeAsync();
    }
}
