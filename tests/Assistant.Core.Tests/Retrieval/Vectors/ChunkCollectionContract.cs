using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors;

/// <summary>
/// What every vector store behind <see cref="VectorStoreCollection{TKey,TRecord}"/> must do for retrieval, written
/// against the abstraction only. Each provider derives from it and says how to create a fresh collection.
/// </summary>
public abstract class ChunkCollectionContract
{
    protected const int Dimensions = 8;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A fresh, not yet created collection with a name no other test uses.</summary>
    protected abstract Task<VectorStoreCollection<Guid, ChunkVector>> CreateCollectionAsync(string name, int dimensions);

    [Fact]
    public async Task A_collection_exists_after_ensure_and_not_after_delete()
    {
        var collection = await CreateCollectionAsync(UniqueName(), Dimensions);

        var before = await collection.CollectionExistsAsync(Cancel);
        await collection.EnsureCollectionExistsAsync(Cancel);
        await collection.EnsureCollectionExistsAsync(Cancel);
        var created = await collection.CollectionExistsAsync(Cancel);
        await collection.EnsureCollectionDeletedAsync(Cancel);

        Assert.Equal((false, true, false), (before, created, await collection.CollectionExistsAsync(Cancel)));
    }

    [Fact]
    public async Task An_upserted_record_is_read_back_by_key_with_its_data()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync(Record("billing/refunds#0", Axis(0), "tags:billing"), Cancel);

        var record = await collection.GetAsync(ChunkVector.KeyOf("billing/refunds#0"), cancellationToken: Cancel);

        Assert.NotNull(record);
        Assert.Equal(("billing/refunds#0", "billing/refunds", "hash-billing/refunds#0"), (record.ChunkId, record.DocumentId, record.ContentHash));
        Assert.Contains("tags:billing", record.Labels);
        Assert.Contains("document:billing/refunds", record.Labels);
    }

    [Fact]
    public async Task Vectors_are_left_out_unless_asked_for()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync(Record("a#0", Axis(1)), Cancel);
        var key = ChunkVector.KeyOf("a#0");

        var without = await collection.GetAsync(key, cancellationToken: Cancel);
        var with = await collection.GetAsync(key, new RecordRetrievalOptions { IncludeVectors = true }, Cancel);
        var searched = await collection.SearchAsync(Axis(1), 1, cancellationToken: Cancel).SingleAsync(Cancel);
        var searchedWith = await collection.SearchAsync(Axis(1), 1, new VectorSearchOptions<ChunkVector> { IncludeVectors = true }, Cancel).SingleAsync(Cancel);

        Assert.True(without!.Vector.IsEmpty);
        Assert.True(searched.Record.Vector.IsEmpty);
        Assert.Equal(Axis(1), with!.Vector.ToArray(), Close);
        Assert.Equal(Axis(1), searchedWith.Record.Vector.ToArray(), Close);
    }

    [Fact]
    public async Task Many_records_upsert_and_read_back_by_keys()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([Record("a#0", Axis(0)), Record("b#0", Axis(1)), Record("c#0", Axis(2))], Cancel);

        var found = await collection.GetAsync([ChunkVector.KeyOf("a#0"), ChunkVector.KeyOf("c#0"), ChunkVector.KeyOf("missing#0")],
            cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["a#0", "c#0"], found.Select(record => record.ChunkId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_upsert_with_the_same_key_replaces_the_record()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync(Record("a#0", Axis(0), "tags:old"), Cancel);
        var replacement = Record("a#0", Axis(3), "tags:new");
        replacement.ContentHash = "hash-new";
        await collection.UpsertAsync(replacement, Cancel);

        var record = await collection.GetAsync(ChunkVector.KeyOf("a#0"), new RecordRetrievalOptions { IncludeVectors = true }, Cancel);
        var hits = await collection.SearchAsync(Axis(3), 5, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal("hash-new", record!.ContentHash);
        Assert.Contains("tags:new", record.Labels);
        Assert.DoesNotContain("tags:old", record.Labels);
        Assert.Equal(Axis(3), record.Vector.ToArray(), Close);
        Assert.Single(hits);
    }

    [Fact]
    public async Task A_deleted_record_is_gone_and_others_stay()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([Record("a#0", Axis(0)), Record("b#0", Axis(1)), Record("c#0", Axis(2))], Cancel);

        await collection.DeleteAsync(ChunkVector.KeyOf("a#0"), Cancel);
        await collection.DeleteAsync([ChunkVector.KeyOf("b#0"), ChunkVector.KeyOf("never-there#0")], Cancel);

        Assert.Null(await collection.GetAsync(ChunkVector.KeyOf("a#0"), cancellationToken: Cancel));
        Assert.Null(await collection.GetAsync(ChunkVector.KeyOf("b#0"), cancellationToken: Cancel));
        Assert.NotNull(await collection.GetAsync(ChunkVector.KeyOf("c#0"), cancellationToken: Cancel));
        Assert.Equal(["c#0"], await collection.SearchAsync(Axis(0), 5, cancellationToken: Cancel).Select(hit => hit.Record.ChunkId).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Search_ranks_by_cosine_similarity_with_the_similarity_as_score()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([
            Record("exact#0", Axis(0)),
            Record("near#0", Mix(0, 1, 0.3f)),
            Record("far#0", Axis(1)),
        ], Cancel);

        var hits = await collection.SearchAsync(Axis(0), 3, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["exact#0", "near#0", "far#0"], hits.Select(hit => hit.Record.ChunkId));
        Assert.Equal(1.0, hits[0].Score!.Value, 3);
        Assert.Equal(1 / Math.Sqrt(1 + 0.09), hits[1].Score!.Value, 3);
        Assert.Equal(0.0, hits[2].Score!.Value, 3);
    }

    [Fact]
    public async Task Top_and_skip_page_through_the_ranking()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync(Enumerable.Range(0, 6).Select(i => Record($"d{i}#0", Mix(0, 1, i * 0.2f))), Cancel);

        var first = await collection.SearchAsync(Axis(0), 2, cancellationToken: Cancel).Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);
        var second = await collection.SearchAsync(Axis(0), 2, new VectorSearchOptions<ChunkVector> { Skip = 2 }, Cancel)
            .Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);

        Assert.Equal(["d0#0", "d1#0"], first);
        Assert.Equal(["d2#0", "d3#0"], second);
    }

    [Fact]
    public async Task A_label_filter_keeps_only_records_with_every_label()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([
            Record("both#0", Mix(0, 1, 0.5f), "tags:billing", "audience:customers"),
            Record("billing-only#0", Axis(0), "tags:billing", "audience:agents"),
            Record("customers-only#0", Axis(0), "tags:security", "audience:customers"),
        ], Cancel);
        Assert.True(ChunkFilter.TryParse(["tags:billing", "audience:customers"], out var filter, out _));

        var hits = await collection.SearchAsync(Axis(0), 5, new VectorSearchOptions<ChunkVector> { Filter = ChunkVectorFilter.From(filter) }, Cancel)
            .Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);

        Assert.Equal(["both#0"], hits);
    }

    [Fact]
    public async Task A_document_filter_keeps_only_that_documents_chunks()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([Record("guides/setup#0", Axis(0)), Record("guides/setup#1", Axis(1)), Record("guides/other#0", Axis(0))], Cancel);
        Assert.True(ChunkFilter.TryParse(["document:guides/setup"], out var filter, out _));

        var hits = await collection.SearchAsync(Axis(0), 5, new VectorSearchOptions<ChunkVector> { Filter = ChunkVectorFilter.From(filter) }, Cancel)
            .Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);

        Assert.Equal(["guides/setup#0", "guides/setup#1"], hits);
    }

    [Fact]
    public async Task A_filter_nothing_matches_returns_no_hits()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([Record("a#0", Axis(0), "tags:billing")], Cancel);
        Assert.True(ChunkFilter.TryParse(["tags:nonexistent"], out var filter, out _));

        var hits = await collection.SearchAsync(Axis(0), 5, new VectorSearchOptions<ChunkVector> { Filter = ChunkVectorFilter.From(filter) }, Cancel)
            .ToListAsync(Cancel);

        Assert.Empty(hits);
    }

    [Fact]
    public async Task Get_by_filter_returns_matching_records_up_to_top()
    {
        var collection = await CreatedAsync();
        await collection.UpsertAsync([
            Record("a#0", Axis(0), "tags:billing"), Record("b#0", Axis(1), "tags:billing"), Record("c#0", Axis(2), "tags:billing"),
            Record("d#0", Axis(3), "tags:security"),
        ], Cancel);
        Assert.True(ChunkFilter.TryParse(["tags:billing"], out var filter, out _));

        var all = await collection.GetAsync(ChunkVectorFilter.From(filter)!, 10, cancellationToken: Cancel).ToListAsync(Cancel);
        var two = await collection.GetAsync(ChunkVectorFilter.From(filter)!, 2, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["a#0", "b#0", "c#0"], all.Select(record => record.ChunkId).Order(StringComparer.Ordinal));
        Assert.Equal(2, two.Count);
        Assert.All(two, record => Assert.Contains("tags:billing", record.Labels));
    }

    protected static string UniqueName() => $"contract-{Guid.NewGuid():N}"[..24];

    protected static ChunkVector Record(string chunkId, float[] vector, params string[] labels)
    {
        var documentId = chunkId[..chunkId.IndexOf('#')];
        return new ChunkVector
        {
            Key = ChunkVector.KeyOf(chunkId),
            ChunkId = chunkId,
            DocumentId = documentId,
            ContentHash = $"hash-{chunkId}",
            Labels = [.. labels, ChunkVector.Label("document", documentId)],
            Vector = vector,
        };
    }

    protected static float[] Axis(int axis)
    {
        var vector = new float[Dimensions];
        vector[axis] = 1;
        return vector;
    }

    /// <summary>Axis <paramref name="main"/> plus <paramref name="weight"/> of axis <paramref name="other"/>, at unit length.</summary>
    protected static float[] Mix(int main, int other, float weight)
    {
        var vector = Axis(main);
        vector[other] = weight;
        var norm = MathF.Sqrt(1 + weight * weight);
        return vector.Select(value => value / norm).ToArray();
    }

    private static readonly IEqualityComparer<float> Close = EqualityComparer<float>.Create((a, b) => MathF.Abs(a - b) < 1e-5f, value => 0);

    private async Task<VectorStoreCollection<Guid, ChunkVector>> CreatedAsync()
    {
        var collection = await CreateCollectionAsync(UniqueName(), Dimensions);
        await collection.EnsureCollectionExistsAsync(Cancel);
        return collection;
    }
}
