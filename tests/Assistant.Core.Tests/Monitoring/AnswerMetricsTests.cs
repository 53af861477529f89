using System.Diagnostics.Metrics;
using Assistant.Core.Answers;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Monitoring;

/// <summary>What the product metrics record for an answer, at the seam that writes its trace.</summary>
public sealed class AnswerMetricsTests : IAsyncLifetime
{
    private const string Supported = "We refund the full amount of your first payment if you request it within 14 days. [1]";
    private const string Contradicted = "Refunds reach your card in 30 business days. [1]";

    private ScriptedChatServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await ScriptedChatServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Drop", "dropped")]
    [InlineData("Mark", "marked")]
    public async Task An_unsupported_sentence_is_counted_by_what_verification_did_with_it(string policy, string action)
    {
        using var knowledge = await KnowledgeAsync(policy);
        using var recorded = new RecordedMeasurements(knowledge.Get<IMeterFactory>());
        _server.Enqueue(ScriptedChatServer.Text($"{Supported} {Contradicted}", 300, 30));

        var answer = await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest("How long do I have to ask for a full refund?"), TestContext.Current.CancellationToken);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal(1, recorded.Sum("assistant.answers", "outcome", "Answered"));
        Assert.Equal(2, recorded.Sum("assistant.answer.sentences"));
        Assert.Equal(1, recorded.Sum("assistant.answer.sentences.unsupported", "action", action));
        Assert.Single(recorded.Of("assistant.answer.sentences.unsupported"));
        Assert.Equal(1, Assert.Single(recorded.Of("assistant.answer.citations")).Value);
        Assert.InRange(Assert.Single(recorded.Of("assistant.answer.duration.seconds")).Value, 0.000001, 60);
        Assert.True(Assert.Single(recorded.Of("assistant.retrieval.top_score")).Value > 0);
    }

    [Fact]
    public async Task A_declined_question_is_counted_as_abstained_without_citations()
    {
        using var knowledge = await KnowledgeAsync("Drop");
        using var recorded = new RecordedMeasurements(knowledge.Get<IMeterFactory>());

        await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest("What colour is the office cat?"), TestContext.Current.CancellationToken);

        Assert.Equal(1, recorded.Sum("assistant.answers", "outcome", "Abstained"));
        Assert.Empty(recorded.Of("assistant.answer.citations"));
    }

    private async Task<TestKnowledgeBase> KnowledgeAsync(string policy)
    {
        var knowledge = new TestKnowledgeBase(settings: new()
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = "gpt-4o-mini",
            ["Assistant:Model:ApiKey"] = "sk-test",
            ["Assistant:Model:MaxRetries"] = "0",
            ["Assistant:Answers:UnsupportedSentences"] = policy,
        });
        knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days.\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days."));
        await knowledge.IngestAsync();
        return knowledge;
    }
}
