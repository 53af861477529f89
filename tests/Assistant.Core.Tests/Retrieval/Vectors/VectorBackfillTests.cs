using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors;

public abstract class VectorBackfillTests(StorageProvider provider) : KnowledgeProviderTests(provider)
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-backfill-").FullName;

    private Dictionary<string, string?> Shared => new()
    {
        ["Assistant:DataDirectory"] = Path.Combine(_root, "data"),
        ["Assistant:KnowledgeDirectory"] = Path.Combine(_root, "knowledge"),
        // One passage per generator call: a backfill batch is then one passage per core, small enough to stop between.
        ["Assistant:Embeddings:BatchSize"] = "1",
    };

    [Fact]
    public async Task Search_answers_by_keyword_before_vectors_exist_and_uses_vectors_once_the_backfill_completes()
    {
        using var knowledge = Open(new CountingEmbeddingGenerator());
        WriteArticles(3);

        await knowledge.IngestKeywordsAsync();
        var before = await knowledge.SearchAsync("article number 1");
        var pending = knowledge.Get<VectorBackfill>().Status;
        var status = await knowledge.EmbedAsync();
        var after = await knowledge.SearchAsync("article number 1");

        Assert.NotEmpty(before);
        Assert.All(before, hit => Assert.Null(hit.Scores.Vector));
        Assert.Equal((EmbeddingState.Pending, 0, 3), (pending.State, pending.Embedded, pending.Total));
        Assert.Equal((EmbeddingState.Complete, 3, 3), (status.State, status.Embedded, status.Total));
        Assert.NotNull(after[0].Scores.Vector);
    }

    [Fact]
    public async Task A_stopped_backfill_resumes_where_it_stopped_without_re_embedding_finished_chunks()
    {
        var perBatch = Environment.ProcessorCount;
        WriteArticles(3 * perBatch);
        using (var crashing = Open(new CountingEmbeddingGenerator(failAfterPassages: perBatch)))
        {
            await crashing.IngestKeywordsAsync();
            await Assert.ThrowsAsync<IOException>(crashing.EmbedAsync);
            Assert.Equal((EmbeddingState.Failed, perBatch), (crashing.Get<VectorBackfill>().Status.State, crashing.Get<VectorBackfill>().Status.Embedded));
        }

        var generator = new CountingEmbeddingGenerator();
        using var restarted = Open(generator);
        await restarted.IngestKeywordsAsync();
        var status = await restarted.EmbedAsync();

        Assert.Equal(2 * perBatch, generator.Passages);
        Assert.Equal((EmbeddingState.Complete, 3 * perBatch), (status.State, status.Embedded));
    }

    [Fact]
    public async Task Changing_the_embedding_model_re_embeds_and_never_searches_the_old_models_vectors()
    {
        WriteArticles(3);
        using (var first = Open(new CountingEmbeddingGenerator(dimensions: 512)))
        {
            await first.IngestAsync();
            Assert.NotNull((await first.SearchAsync("article number 2"))[0].Scores.Vector);
        }

        var generator = new CountingEmbeddingGenerator(dimensions: 256);
        using var switched = Open(generator);
        await switched.IngestKeywordsAsync();
        var beforeBackfill = await switched.SearchAsync("article number 2");
        var status = await switched.EmbedAsync();
        var afterBackfill = await switched.SearchAsync("article number 2");

        Assert.All(beforeBackfill, hit => Assert.Null(hit.Scores.Vector));
        Assert.Equal(3, generator.Passages);
        Assert.Equal(("hashing:hashing-v2-256", 3), (status.Model, status.Embedded));
        Assert.NotNull(afterBackfill[0].Scores.Vector);
    }

    [Fact]
    public async Task A_deleted_article_leaves_the_vector_store()
    {
        using var knowledge = Open(new CountingEmbeddingGenerator());
        WriteArticles(2);
        await knowledge.IngestAsync();

        File.Delete(Path.Combine(_root, "knowledge", "article-1.md"));
        await knowledge.IngestAsync();
        var collection = knowledge.Get<Microsoft.Extensions.VectorData.VectorStoreCollection<Guid, ChunkVector>>();

        Assert.Null(await collection.GetAsync(ChunkVector.KeyOf("article-1#0"), cancellationToken: Cancel));
        Assert.NotNull(await collection.GetAsync(ChunkVector.KeyOf("article-0#0"), cancellationToken: Cancel));
        Assert.Equal((1, 1), (knowledge.Get<VectorBackfill>().Status.Embedded, knowledge.Get<VectorBackfill>().Status.Total));
    }

    private TestKnowledgeBase Open(CountingEmbeddingGenerator generator) =>
        Open(services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(generator), Shared);

    private void WriteArticles(int count)
    {
        Directory.CreateDirectory(Path.Combine(_root, "knowledge"));
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(_root, "knowledge", $"article-{i}.md"),
                TestKnowledgeBase.Article($"Article number {i}", $"Paragraph of article number {i} about topic {i}."));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    public sealed class OnSqlite() : VectorBackfillTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : VectorBackfillTests(StorageProvider.PostgreSQL);
}
