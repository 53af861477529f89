using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Storage;

public abstract class KnowledgeStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IKnowledgeStore Store => field ??= Open();

    private IKnowledgeStore Open() => Database.Pick<IKnowledgeStore>(sqlite => new SqliteKnowledgeStore(sqlite), postgres => new PostgresKnowledgeStore(postgres));

    private IKnowledgeStore OtherReplica() =>
        Database.OtherReplica<IKnowledgeStore>(sqlite => new SqliteKnowledgeStore(sqlite), postgres => new PostgresKnowledgeStore(postgres));

    [Fact]
    public async Task A_document_and_its_chunks_read_back_with_every_field_in_document_and_ordinal_order()
    {
        await WriteAsync(Store, Document("b", "hash-b"), Document("a", "hash-a"));

        var documents = await Store.GetDocumentsAsync(Cancel);
        var chunks = await Store.LoadAllChunksAsync(Cancel);
        var chunk = await Store.GetChunkAsync("a#1", Cancel);

        Assert.Equal(["a", "b"], documents.Keys.Order());
        Assert.Equal(["billing"], documents["a"].Metadata["tags"]);
        Assert.Equal(["a#0", "a#1", "b#0", "b#1"], chunks.Select(c => c.Id));
        Assert.NotNull(chunk);
        Assert.Equal(("a", 1, "Title a", "Refunds > Annual", 10, 20), (chunk.DocumentId, chunk.Ordinal, chunk.Title, chunk.HeadingTrail, chunk.Start, chunk.End));
        Assert.Equal("Chunk 1 of a about refunds.", chunk.Text);
        Assert.Equal(["billing"], chunk.Metadata["tags"]);
        Assert.Equal([new KeyValuePair<string, int>("refund", 2)], chunk.Terms.Body);
        Assert.Equal([new KeyValuePair<string, int>("titl", 1)], chunk.Terms.Title);
        Assert.Equal([1f, 0f, 0.5f], chunk.Vector.ToArray());
        Assert.Equal("ignore previous", Assert.Single(chunk.Flags).Reason);
        Assert.Null(await Store.GetChunkAsync("missing#0", Cancel));
        Assert.Equal("test-model", await Store.GetEmbeddingModelAsync(Cancel));
    }

    [Fact]
    public async Task An_uncommitted_batch_is_invisible_to_another_replica_and_a_disposed_one_leaves_nothing()
    {
        await WriteAsync(Store, Document("a", "hash-a"));
        var other = OtherReplica();
        // Read once before the batch: on SQLite a first read creates the schema, which would wait for the batch's write lock.
        var before = await other.GetVersionAsync(Cancel);

        await using (var batch = await Store.BeginWriteAsync("test-model", Cancel))
        {
            await batch.UpsertAsync(Document("a", "hash-a2").Entry, Document("a", "hash-a2").Chunks, Cancel);
            await batch.UpsertAsync(Document("c", "hash-c").Entry, Document("c", "hash-c").Chunks, Cancel);

            Assert.Equal(["a"], (await other.GetDocumentsAsync(Cancel)).Keys);
            Assert.Equal("hash-a", (await other.GetDocumentsAsync(Cancel))["a"].ContentHash);
            Assert.Equal(["a#0", "a#1"], (await other.LoadAllChunksAsync(Cancel)).Select(c => c.Id));
            Assert.Equal(before, await other.GetVersionAsync(Cancel));
        }

        Assert.Equal(["a"], (await other.GetDocumentsAsync(Cancel)).Keys);
        Assert.Equal(before, await other.GetVersionAsync(Cancel));
    }

    [Fact]
    public async Task The_version_moves_with_each_batch_that_changed_something_and_only_then()
    {
        var empty = await Store.GetVersionAsync(Cancel);
        await WriteAsync(Store, Document("a", "hash-a"));
        var written = await Store.GetVersionAsync(Cancel);

        await using (var nothing = await Store.BeginWriteAsync("test-model", Cancel))
        {
            await nothing.CommitAsync(Cancel);
        }
        var unchanged = await Store.GetVersionAsync(Cancel);
        await using (var delete = await Store.BeginWriteAsync("test-model", Cancel))
        {
            await delete.DeleteAsync("a", Cancel);
            await delete.CommitAsync(Cancel);
        }
        var deleted = await OtherReplica().GetVersionAsync(Cancel);

        Assert.NotEqual(empty, written);
        Assert.Equal(written, unchanged);
        Assert.NotEqual(written, deleted);
        Assert.Empty(await Store.LoadAllChunksAsync(Cancel));
    }

    [Fact]
    public async Task Two_stores_have_different_versions_even_with_the_same_content()
    {
        await using var second = await TestStateDatabase.CreateAsync(Provider);
        var secondStore = second.Pick<IKnowledgeStore>(sqlite => new SqliteKnowledgeStore(sqlite), postgres => new PostgresKnowledgeStore(postgres));

        await WriteAsync(Store, Document("a", "hash-a"));
        await WriteAsync(secondStore, Document("a", "hash-a"));

        Assert.NotEqual(await Store.GetVersionAsync(Cancel), await secondStore.GetVersionAsync(Cancel));
    }

    private static async Task WriteAsync(IKnowledgeStore store, params (DocumentEntry Entry, IReadOnlyList<ChunkRecord> Chunks)[] documents)
    {
        await using var batch = await store.BeginWriteAsync("test-model", Cancel);
        foreach (var (entry, chunks) in documents)
        {
            await batch.UpsertAsync(entry, chunks, Cancel);
        }
        await batch.CommitAsync(Cancel);
    }

    private static (DocumentEntry Entry, IReadOnlyList<ChunkRecord> Chunks) Document(string id, string hash)
    {
        var metadata = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["tags"] = ["billing"] };
        var entry = new DocumentEntry(id, $"{id}.md", $"Title {id}", hash, metadata);
        var chunks = Enumerable.Range(0, 2).Select(ordinal => new ChunkRecord(
            $"{id}#{ordinal}", id, ordinal, $"Title {id}", ["Refunds", "Annual"], $"{id}.md", ordinal * 10, ordinal * 10 + 10,
            $"Chunk {ordinal} of {id} about refunds.", $"{hash}-{ordinal}", metadata,
            new KeywordTerms([new("refund", 2)], [new("titl", 1)]), new float[] { 1, 0, 0.5f })
        {
            Flags = [new ContentFlag(0, 5, 1, "ignore previous", "flag-hash")],
        }).ToList();
        return (entry, chunks);
    }

    public sealed class OnSqlite() : KnowledgeStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : KnowledgeStoreTests(StorageProvider.PostgreSQL);
}
