using System.Runtime.CompilerServices;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

public abstract class CrashSafetyTests(StorageProvider provider) : KnowledgeProviderTests(provider)
{
    [Fact]
    public async Task A_step_that_throws_mid_ingest_leaves_the_previous_index_whole()
    {
        var knowledge = Open(settings: new() { ["Assistant:Ingestion:BatchSize"] = "1" });
        knowledge.Write("a.md", TestKnowledgeBase.Article("Alpha", "## One\n\nThe original alpha text about refunds."));
        knowledge.Write("b.md", TestKnowledgeBase.Article("Beta", "## Two\n\nThe original beta text about invoices."));
        await knowledge.IngestAsync();
        var before = await knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken);

        // Several documents are written inside the run's transaction before the source fails.
        knowledge.Write("a.md", TestKnowledgeBase.Article("Alpha", "## One\n\nThe edited alpha text about refunds."));
        File.Delete(Path.Combine(knowledge.KnowledgeDirectory, "b.md"));
        for (var i = 0; i < 5; i++)
        {
            knowledge.Write($"new-{i}.md", TestKnowledgeBase.Article($"New {i}", $"## Part\n\nBrand new article number {i}."));
        }
        var knowledgeBase = knowledge.Get<KnowledgeBase>();
        await Assert.ThrowsAsync<IOException>(() => knowledgeBase.IngestAsync(new FailingSource(knowledgeBase.DefaultSource(), failAfterItems: 4),
            cancellationToken: TestContext.Current.CancellationToken));

        var after = await knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before.Values.Select(d => (d.Id, d.ContentHash)).Order(), after.Values.Select(d => (d.Id, d.ContentHash)).Order());
        var hit = (await knowledge.SearchAsync("alpha refunds", 1))[0];
        Assert.Contains("original alpha", hit.Text);

        var retry = await knowledge.IngestAsync();
        Assert.Equal((5, 1, 1), (retry.Added, retry.Updated, retry.Deleted));
    }

    public sealed class OnSqlite() : CrashSafetyTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : CrashSafetyTests(StorageProvider.PostgreSQL);

    /// <summary>A source that breaks part-way, as a network share or a CMS export can.</summary>
    private sealed class FailingSource(IKnowledgeSource inner, int failAfterItems) : IKnowledgeSource
    {
        public string Name => inner.Name;

        public int? Count => inner.Count;

        public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var read = 0;
            await foreach (var item in inner.ReadAsync(cancellationToken))
            {
                if (++read > failAfterItems)
                {
                    throw new IOException("the knowledge share went away");
                }
                yield return item;
            }
        }
    }
}
