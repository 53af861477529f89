using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class HybridRetrieverTests : IDisposable
{
    private readonly TestKnowledgeBase _knowledge = new();

    [Fact]
    public async Task A_superseded_article_ranks_below_the_one_that_replaced_it()
    {
        _knowledge.Write("policies/refund-policy-2024.md",
            "---\ntitle: Refund policy 2024\naudience: customers\nupdated: 2024-01-01\ntags: [refunds]\nstatus: superseded\nsuperseded_by: policies/refund-policy\n---\n# Refund policy 2024\n\n## Window\n\nRefund requests for refunds are accepted within 7 days. Refund refund refund.\n");
        _knowledge.Write("policies/refund-policy.md", TestKnowledgeBase.Article("Refund policy", "## Window\n\nRefund requests are accepted within 14 days.", "[refunds]"));
        await _knowledge.IngestAsync();

        var hits = await _knowledge.SearchAsync("refund window");

        Assert.Equal("policies/refund-policy", hits[0].DocumentId);
        Assert.Contains(hits, hit => hit.DocumentId == "policies/refund-policy-2024");
    }

    [Fact]
    public async Task Tags_are_searchable_and_filterable()
    {
        _knowledge.Write("a.md", TestKnowledgeBase.Article("Workspace setup", "## Steps\n\nCreate a workspace and name it.", "[onboarding]"));
        _knowledge.Write("b.md", TestKnowledgeBase.Article("Invoices", "## Download\n\nOpen Settings and then Billing.", "[billing]"));
        await _knowledge.IngestAsync();

        var byTag = await _knowledge.SearchAsync("onboarding");
        Assert.True(Core.Retrieval.ChunkFilter.TryParse(["tags:billing"], out var filter, out _));
        var filtered = await _knowledge.Get<Core.Retrieval.HybridRetriever>()
            .SearchAsync(new Core.Retrieval.SearchRequest("settings workspace", 5, filter), TestContext.Current.CancellationToken);

        Assert.Equal("a", byTag[0].DocumentId);
        Assert.All(filtered.Hits, hit => Assert.Equal("b", hit.DocumentId));
    }

    [Fact]
    public async Task Plain_text_files_read_front_matter_too()
    {
        _knowledge.Write("notes/status.txt", "---\ntitle: Status page\ntags: [uptime]\n---\nThe status page shows incidents.\n\nSubscribe for updates.");
        await _knowledge.IngestAsync();

        var hit = (await _knowledge.SearchAsync("status page incidents"))[0];

        Assert.Equal("Status page", hit.Title);
        Assert.StartsWith("The status page", hit.Text);
    }

    [Fact]
    public async Task Every_hit_carries_its_source_and_both_retriever_scores()
    {
        _knowledge.Write("api/limits.md", TestKnowledgeBase.Article("API limits", "## Errors\n\nOver the limit you get HTTP 429 with Retry-After."));
        await _knowledge.IngestAsync();

        var hit = (await _knowledge.SearchAsync("HTTP 429"))[0];

        Assert.Equal(("api/limits#0", "api/limits", "api/limits.md"), (hit.ChunkId, hit.DocumentId, hit.SourcePath));
        Assert.Equal(["Errors"], hit.HeadingPath);
        Assert.Equal(1, hit.Scores.KeywordRank);
        Assert.NotNull(hit.Scores.Vector);
        var source = File.ReadAllText(Path.Combine(_knowledge.KnowledgeDirectory, "api/limits.md"));
        Assert.Equal(source[hit.Start..hit.End], hit.Text);
    }

    public void Dispose() => _knowledge.Dispose();
}
