using Assistant.Core.Budgets;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Budgets;

/// <summary>A hosted embedding model under budgets: calls are charged, and past the limit a query is searched by keyword only.</summary>
public sealed class BudgetedEmbeddingTests : IAsyncLifetime
{
    private ScriptedChatServer _server = null!;
    private TestKnowledgeBase _knowledge = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _knowledge = new TestKnowledgeBase(settings: new()
        {
            ["Assistant:Embeddings:Provider"] = "OpenAI",
            ["Assistant:Embeddings:Endpoint"] = _server.BaseAddress.ToString(),
            ["Assistant:Embeddings:Model"] = "embed-model",
            ["Assistant:Model:Prices:embed-model:InputPerMillion"] = "1000",
            // Thresholds for the scripted model, set so the semantic answer checks always embed.
            ["Assistant:Answers:Semantic:Models:embed-model:MinimumCombined"] = "2",
        });
        _knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy",
            "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days."));
        await _knowledge.IngestAsync();
    }

    [Fact]
    public async Task Past_the_embedding_budget_a_query_is_searched_by_keyword_only()
    {
        var cancel = TestContext.Current.CancellationToken;
        var store = _knowledge.Get<IBudgetStore>();
        var month = DateTime.UtcNow.ToString("yyyy-MM");
        var spent = (await store.ListUsageAsync([month], _ => 0, cancel)).Single(u => u.Scope == "embeddings-monthly").Spent;
        Assert.True(spent > 0, "embedding the article was charged");
        var before = _server.Requests.Count;

        // An admin caps the month at what is spent: effective for the very next call.
        await store.SetLimitAsync("embeddings-monthly", spent, "ada", cancel);
        var hits = await _knowledge.SearchAsync("full refund within 14 days");

        Assert.Equal("policies/refund-policy", Assert.Single(hits.Select(h => h.DocumentId).Distinct()));
        Assert.All(hits, hit => Assert.Null(hit.Scores.Vector));
        Assert.Equal(before, _server.Requests.Count);
        Assert.Contains(await store.ListEventsAsync(10, cancel), e => e.Scope == "embeddings-monthly" && e.Level == BudgetLevels.Limit);
    }

    [Fact]
    public async Task Past_the_embedding_budget_an_answer_is_still_given_with_its_checks_by_words_alone()
    {
        var cancel = TestContext.Current.CancellationToken;
        var store = _knowledge.Get<IBudgetStore>();
        var month = DateTime.UtcNow.ToString("yyyy-MM");
        var spent = (await store.ListUsageAsync([month], _ => 0, cancel)).Single(u => u.Scope == "embeddings-monthly").Spent;
        await store.SetLimitAsync("embeddings-monthly", spent, "ada", cancel);

        var answer = await _knowledge.Get<Core.Answers.AnswerService>().AnswerAsync(new Core.Answers.AnswerRequest("How long do I have to request a full refund?"), cancel);

        Assert.Equal(Core.Answers.AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains("14 days", answer.Text);
    }

    public async ValueTask DisposeAsync()
    {
        _knowledge.Dispose();
        await _server.DisposeAsync();
    }
}
