using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors;

/// <summary>
/// What every vector store behind <see cref="VectorStoreCollection{TKey,TRecord}"/> must do for retrieval, tested only
/// through that abstraction. A provider's test class derives from this and says how to make a collection; each test
/// makes its own, under a random name, and deletes it afterwards.
/// </summary>
public abstract class ChunkCollectionContract : IAsyncDisposable
{
    protected const int Dimensions = 4;
    private readonly List<VectorStoreCollection<Guid, ChunkVector>> _collections = [];

    protected abstract Task<VectorStoreCollection<Guid, ChunkVector>> CreateCollectionAsync(string name, int dimensions);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Unit vectors at known angles to the query [1, 0, 0, 0]: cosine similarities 1, 0.707, 0.577, 0 and -1.
    private static readonly float[] Query = [1, 0, 0, 0];
    private static readonly ChunkVector Same = Chunk("same", "doc-a", [1, 0, 0, 0], "tags:billing", "audience:customers");
    private static readonly ChunkVector Near = Chunk("near", "doc-a", Unit(1, 1, 0, 0), "tags:billing");
    private static readonly ChunkVector Far = Chunk("far", "doc-b", Unit(1, 1, 1, 0), "tags:billing", "audience:customers");
    private static readonly ChunkVector Orthogonal = Chunk("orthogonal", "doc-b", [0, 1, 0, 0], "tags:shipping");
    private static readonly ChunkVector Opposite = Chunk("opposite", "doc-c", [-1, 0, 0, 0], "audience:customers");
    private static readonly ChunkVector[] All = [Orthogonal, Far, Same, Opposite, Near];

    [Fact]
    public async Task Ensuring_a_collection_twice_is_harmless_and_deleting_it_removes_it()
    {
        var collection = await NewCollectionAsync();
        await collection.EnsureCollectionExistsAsync(Cancel);
        Assert.True(await collection.CollectionExistsAsync(Cancel));

        await collection.EnsureCollectionDeletedAsync(Cancel);
        await collection.EnsureCollectionDeletedAsync(Cancel);

        Assert.False(await collection.CollectionExistsAsync(Cancel));
    }

    [Fact]
    public async Task An_upserted_record_is_read_back_by_key_with_every_field()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(Far, Cancel);

        var read = await collection.GetAsync(Far.Key, new RecordRetrievalOptions { IncludeVectors = true }, Cancel);

        AssertSame(Far, read, withVector: true);
    }

    [Fact]
    public async Task A_missing_key_reads_as_null()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(Same, Cancel);

        Assert.Null(await collection.GetAsync(ChunkVector.KeyOf("never-stored"), cancellationToken: Cancel));
    }

    [Fact]
    public async Task Get_many_returns_the_stored_records_and_skips_missing_keys()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);

        var read = await collection.GetAsync([Near.Key, ChunkVector.KeyOf("never-stored"), Opposite.Key], cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["near", "opposite"], read.Select(r => r.ChunkId).Order());
    }

    [Fact]
    public async Task Deleted_records_are_gone_and_deleting_a_missing_key_is_not_an_error()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);

        await collection.DeleteAsync(Same.Key, Cancel);
        await collection.DeleteAsync([Near.Key, Far.Key, ChunkVector.KeyOf("never-stored")], Cancel);
        await collection.DeleteAsync(ChunkVector.KeyOf("never-stored"), Cancel);

        Assert.Null(await collection.GetAsync(Same.Key, cancellationToken: Cancel));
        var left = await collection.GetAsync(All.Select(r => r.Key), cancellationToken: Cancel).ToListAsync(Cancel);
        Assert.Equal(["opposite", "orthogonal"], left.Select(r => r.ChunkId).Order());
    }

    [Fact]
    public async Task Upserting_an_existing_key_replaces_the_record_and_its_labels()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(Same, Cancel);
        var replacement = Chunk("same", "doc-z", [0, 0, 0, 1], "tags:returns");
        replacement.ContentHash = "changed";

        await collection.UpsertAsync(replacement, Cancel);

        AssertSame(replacement, await collection.GetAsync(Same.Key, new RecordRetrievalOptions { IncludeVectors = true }, Cancel), withVector: true);
        var billing = ChunkVectorFilter.From(Filter("tags:billing"))!;
        Assert.Empty(await collection.SearchAsync(Query, 10, new VectorSearchOptions<ChunkVector> { Filter = billing }, Cancel).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Search_orders_by_cosine_similarity_and_scores_it()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);

        var results = await collection.SearchAsync(new ReadOnlyMemory<float>(Query), 10, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["same", "near", "far", "orthogonal", "opposite"], results.Select(r => r.Record.ChunkId));
        Assert.Equal([1.0, 0.7071, 0.5774, 0.0, -1.0], results.Select(r => Math.Round(r.Score!.Value, 4)));
    }

    [Fact]
    public async Task Search_ranks_many_records_as_an_exact_scan_would()
    {
        var collection = await NewCollectionAsync();
        var random = new Random(11);
        var records = Enumerable.Range(0, 60)
            .Select(i => Chunk($"chunk-{i}", $"doc-{i % 7}", Unit([.. Enumerable.Range(0, Dimensions).Select(_ => random.NextSingle() - 0.5f)])))
            .ToList();
        await collection.UpsertAsync(records, Cancel);
        var query = Unit(0.3f, -0.2f, 0.9f, 0.1f);

        var results = await collection.SearchAsync(query, 8, cancellationToken: Cancel).ToListAsync(Cancel);

        var expected = records.OrderByDescending(r => Dot(r.Vector.Span, query)).Take(8).Select(r => r.ChunkId);
        Assert.Equal(expected, results.Select(r => r.Record.ChunkId));
    }

    [Fact]
    public async Task Top_and_skip_page_through_the_ranking()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);

        var firstTwo = await collection.SearchAsync(Query, 2, cancellationToken: Cancel).ToListAsync(Cancel);
        var nextTwo = await collection.SearchAsync(Query, 2, new VectorSearchOptions<ChunkVector> { Skip = 2 }, Cancel).ToListAsync(Cancel);
        var pastTheEnd = await collection.SearchAsync(Query, 2, new VectorSearchOptions<ChunkVector> { Skip = 5 }, Cancel).ToListAsync(Cancel);

        Assert.Equal(["same", "near"], firstTwo.Select(r => r.Record.ChunkId));
        Assert.Equal(["far", "orthogonal"], nextTwo.Select(r => r.Record.ChunkId));
        Assert.Empty(pastTheEnd);
    }

    [Fact]
    public async Task A_label_filter_keeps_only_records_with_every_label()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);
        var filter = ChunkVectorFilter.From(Filter("tags:billing", "audience:customers"));

        var results = await collection.SearchAsync(Query, 10, new VectorSearchOptions<ChunkVector> { Filter = filter }, Cancel).ToListAsync(Cancel);

        Assert.Equal(["same", "far"], results.Select(r => r.Record.ChunkId));
    }

    [Fact]
    public async Task A_document_filter_keeps_only_that_documents_records()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);
        var document = "doc-b";

        var results = await collection.SearchAsync(Query, 10, new VectorSearchOptions<ChunkVector> { Filter = r => r.DocumentId == document }, Cancel).ToListAsync(Cancel);
        var byChunk = await collection.SearchAsync(Query, 10, new VectorSearchOptions<ChunkVector> { Filter = r => r.ChunkId == "near" }, Cancel).ToListAsync(Cancel);

        Assert.Equal(["far", "orthogonal"], results.Select(r => r.Record.ChunkId));
        Assert.Equal(["near"], byChunk.Select(r => r.Record.ChunkId));
    }

    [Fact]
    public async Task A_filtered_read_returns_the_matching_records_up_to_top()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);
        var billing = ChunkVectorFilter.From(Filter("tags:billing"))!;

        var all = await collection.GetAsync(billing, 10, cancellationToken: Cancel).ToListAsync(Cancel);
        var two = await collection.GetAsync(billing, 2, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["far", "near", "same"], all.Select(r => r.ChunkId).Order());
        Assert.Equal(2, two.Count);
        Assert.Subset(all.Select(r => r.ChunkId).ToHashSet(), two.Select(r => r.ChunkId).ToHashSet());
    }

    [Fact]
    public async Task Search_returns_vectors_when_asked()
    {
        var collection = await NewCollectionAsync();
        await collection.UpsertAsync(All, Cancel);

        var results = await collection.SearchAsync(Query, 2, new VectorSearchOptions<ChunkVector> { IncludeVectors = true }, Cancel).ToListAsync(Cancel);

        AssertSame(Same, results[0].Record, withVector: true);
        AssertSame(Near, results[1].Record, withVector: true);
    }

    [Fact]
    public async Task An_empty_collection_finds_nothing()
    {
        var collection = await NewCollectionAsync();

        Assert.Empty(await collection.SearchAsync(Query, 5, cancellationToken: Cancel).ToListAsync(Cancel));
        Assert.Empty(await collection.GetAsync(r => r.DocumentId == "doc-a", 5, cancellationToken: Cancel).ToListAsync(Cancel));
        Assert.Empty(await collection.GetAsync([Same.Key], cancellationToken: Cancel).ToListAsync(Cancel));
        Assert.Null(await collection.GetAsync(Same.Key, cancellationToken: Cancel));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var collection in _collections)
        {
            await collection.EnsureCollectionDeletedAsync(Cancel);
            collection.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    private async Task<VectorStoreCollection<Guid, ChunkVector>> NewCollectionAsync()
    {
        var collection = await CreateCollectionAsync($"contract-{Guid.NewGuid():N}", Dimensions);
        _collections.Add(collection);
        await collection.EnsureCollectionExistsAsync(Cancel);
        return collection;
    }

    private static ChunkVector Chunk(string chunkId, string documentId, float[] vector, params string[] labels) => new()
    {
        Key = ChunkVector.KeyOf(chunkId),
        ChunkId = chunkId,
        DocumentId = documentId,
        ContentHash = $"hash-of-{chunkId}",
        Labels = [.. labels, ChunkVector.Label("document", documentId)],
        Vector = vector,
    };

    /// <summary>A record whose document id is the chunk id before '#', for a provider's own tests.</summary>
    protected static ChunkVector Record(string chunkId, float[] vector, params string[] labels) =>
        Chunk(chunkId, chunkId[..chunkId.IndexOf('#')], vector, labels);

    /// <summary>The unit vector along one axis.</summary>
    protected static float[] Axis(int axis)
    {
        var vector = new float[Dimensions];
        vector[axis] = 1;
        return vector;
    }

    private static ChunkFilter Filter(params string[] conditions)
    {
        Assert.True(ChunkFilter.TryParse(conditions, out var filter, out var error), error);
        return filter;
    }

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }

    private static float Dot(ReadOnlySpan<float> a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < b.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void AssertSame(ChunkVector expected, ChunkVector? actual, bool withVector)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.ChunkId, actual.ChunkId);
        Assert.Equal(expected.DocumentId, actual.DocumentId);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(expected.Labels, actual.Labels);
        if (withVector)
        {
            // Stores may normalise on write; these vectors are unit length already, so only rounding differs.
            Assert.Equal(expected.Vector.ToArray(), actual.Vector.ToArray(), (x, y) => MathF.Abs(x - y) < 1e-5f);
        }
    }
}
