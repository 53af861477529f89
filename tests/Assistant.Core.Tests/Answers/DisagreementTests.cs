using Assistant.Core.Answers;
using Assistant.Core.Answers.Disagreements;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Answers;

/// <summary>Two current articles that state different refund windows: the answer shows both with their sources, offline and with a model.</summary>
public sealed class DisagreementTests : IAsyncLifetime
{
    private const string Question = "How long do I have to request a full refund of my first payment?";

    private ScriptedChatServer _server = null!;
    private TestKnowledgeBase _offline = null!;
    private TestKnowledgeBase _model = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _offline = await ConflictingKnowledgeAsync(new TestKnowledgeBase());
        _model = await ConflictingKnowledgeAsync(new TestKnowledgeBase(settings: new()
        {
            ["Assistant:Model:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Model:Model"] = "gpt-4o-mini",
            ["Assistant:Model:ApiKey"] = "sk-test",
            ["Assistant:Model:MaxRetries"] = "0",
        }));
    }

    private static async Task<TestKnowledgeBase> ConflictingKnowledgeAsync(TestKnowledgeBase knowledge)
    {
        knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nYou can request a full refund of your first payment within 30 days.\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days.",
            "[billing, refunds]"));
        knowledge.Write("policies/refund-windows.md", TestKnowledgeBase.Article("Refund windows",
            "## First payment\n\nYou can request a full refund of your first payment within 365 days.", "[billing, refunds]"));
        await knowledge.IngestAsync();
        return knowledge;
    }

    private static void AssertShowsBothWindows(Answer answer)
    {
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains("disagree", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("30 days", answer.Text);
        Assert.Contains("365 days", answer.Text);
        var cited = answer.Sentences.SelectMany(s => s.Citations).Select(c => c.DocumentId).ToHashSet();
        Assert.Contains("policies/refund-policy", cited);
        Assert.Contains("policies/refund-windows", cited);
        Assert.All(answer.Sentences.SelectMany(s => s.Citations), c => Assert.False(string.IsNullOrWhiteSpace(c.Quote)));
    }

    [Fact]
    public async Task Offline_the_answer_shows_both_refund_windows_and_their_sources()
    {
        var answer = await _offline.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken);

        AssertShowsBothWindows(answer);
    }

    [Fact]
    public async Task A_model_that_picks_one_window_still_shows_the_other_source()
    {
        var passages = await _model.SearchAsync(Question);
        var policy = passages.ToList().FindIndex(hit => hit.DocumentId == "policies/refund-policy" && hit.Text.Contains("30 days", StringComparison.Ordinal)) + 1;
        _server.Enqueue(ScriptedChatServer.Text($"You can request a full refund of your first payment within 30 days. [{policy}]", 400, 20));

        var answer = await _model.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken);

        AssertShowsBothWindows(answer);
        Assert.Contains("If the passages state different figures for the same thing", _server.Requests.Last()["messages"]!.ToJsonString());
    }

    [Fact]
    public async Task A_superseded_article_with_an_old_figure_is_not_a_disagreement()
    {
        using var knowledge = new TestKnowledgeBase();
        knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nYou can request a full refund of your first payment within 30 days.", "[billing, refunds]"));
        knowledge.Write("policies/refund-policy-2024.md",
            "---\ntitle: Refund policy (2024)\nstatus: superseded\ntags: [billing, refunds]\n---\n\n# Refund policy (2024)\n\nYou can request a full refund of your first payment within 7 days.\n");
        await knowledge.IngestAsync();

        var answer = await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(Question), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("disagree", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Different_figures_for_different_things_are_not_a_disagreement()
    {
        using var knowledge = new TestKnowledgeBase();
        knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Annual plans\n\nIf you cancel an annual plan within 30 days of being charged for it, we refund the unused months.", "[billing, refunds]"));
        knowledge.Write("plans/cancel.md", TestKnowledgeBase.Article("Cancel your subscription",
            "## Refunds\n\nA first payment on any plan is refunded in full within 14 days.", "[billing, refunds]"));
        knowledge.Write("plans/pricing.md", TestKnowledgeBase.Article("Pricing",
            "| Plan | Price |\n|---|---|\n| Free | $0 |\n| Starter | $9 |\n\nData is kept: Free 7 days, Starter 30 days.", "[billing]"));
        await knowledge.IngestAsync();

        foreach (var question in new[] { "How long do I have to get a refund after cancelling an annual plan?", "How long is data kept on the Starter plan?" })
        {
            var answer = await knowledge.Get<AnswerService>().AnswerAsync(new AnswerRequest(question), TestContext.Current.CancellationToken);
            Assert.DoesNotContain("disagree", answer.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("Refunds take 5 to 10 business days.", "business day")]
    [InlineData("within 30 days", "day")]
    [InlineData("the Team plan costs $18 per seat", "$")]
    [InlineData("1,200 requests per minute", "request")]
    public void Figures_are_read_with_their_unit(string text, string unit)
    {
        Assert.Contains(Figure.In(text), figure => figure.Unit == unit);
    }

    public async ValueTask DisposeAsync()
    {
        _offline.Dispose();
        _model.Dispose();
        await _server.DisposeAsync();
    }
}
