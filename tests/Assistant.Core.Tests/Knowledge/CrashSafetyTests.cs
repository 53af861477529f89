using Assistant.Core.Embeddings;
using Assistant.Core.Retrieval.Analysis;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

public sealed class CrashSafetyTests
{
    [Fact]
    public async Task A_step_that_throws_mid_ingest_leaves_the_previous_index_whole()
    {
        var generator = new FailingEmbeddingGenerator(new HashingEmbeddingGenerator(256, new EnglishAnalyzer()));
        using var knowledge = new TestKnowledgeBase(
            services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(generator),
            new() { ["Assistant:Ingestion:BatchSize"] = "1" });
        knowledge.Write("a.md", TestKnowledgeBase.Article("Alpha", "## One\n\nThe original alpha text about refunds."));
        knowledge.Write("b.md", TestKnowledgeBase.Article("Beta", "## Two\n\nThe original beta text about invoices."));
        await knowledge.IngestAsync();
        var before = await knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken);

        // Several documents are written inside the run's transaction before the embedder fails.
        knowledge.Write("a.md", TestKnowledgeBase.Article("Alpha", "## One\n\nThe edited alpha text about refunds."));
        File.Delete(Path.Combine(knowledge.KnowledgeDirectory, "b.md"));
        for (var i = 0; i < 5; i++)
        {
            knowledge.Write($"new-{i}.md", TestKnowledgeBase.Article($"New {i}", $"## Part\n\nBrand new article number {i}."));
        }
        generator.FailAfterCalls = generator.Calls + 3;
        await Assert.ThrowsAsync<InvalidOperationException>(knowledge.IngestAsync);
        generator.FailAfterCalls = int.MaxValue;

        var after = await knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before.Values.Select(d => (d.Id, d.ContentHash)).Order(), after.Values.Select(d => (d.Id, d.ContentHash)).Order());
        var hit = (await knowledge.SearchAsync("alpha refunds", 1))[0];
        Assert.Contains("original alpha", hit.Text);

        var retry = await knowledge.IngestAsync();
        Assert.Equal((5, 1, 1), (retry.Added, retry.Updated, retry.Deleted));
    }

    private sealed class FailingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public int Calls;
        public int FailAfterCalls = int.MaxValue;

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref Calls) > FailAfterCalls)
            {
                throw new InvalidOperationException("embedding service went away");
            }
            return base.GenerateAsync(values, options, cancellationToken);
        }
    }
}
