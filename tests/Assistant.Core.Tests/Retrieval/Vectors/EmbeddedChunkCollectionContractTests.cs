using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors;

/// <summary>The contract on the embedded store, over a real SQLite file per test.</summary>
public sealed class EmbeddedChunkCollectionContractTests : ChunkCollectionContract, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-vectors-").FullName;
    private readonly List<EmbeddedChunkCollection> _collections = [];

    private string DatabasePath => Path.Combine(_root, "knowledge.db");

    protected override Task<VectorStoreCollection<Guid, ChunkVector>> CreateCollectionAsync(string name, int dimensions)
    {
        var collection = new EmbeddedChunkCollection(new SqliteDatabase(DatabasePath), name, dimensions);
        _collections.Add(collection);
        return Task.FromResult<VectorStoreCollection<Guid, ChunkVector>>(collection);
    }

    [Fact]
    public async Task Records_survive_a_restart_without_being_upserted_again()
    {
        var first = await CreateCollectionAsync("restart", Dimensions);
        await first.EnsureCollectionExistsAsync(Cancel);
        await first.UpsertAsync([Record("a#0", Axis(0), "tags:billing"), Record("b#0", Axis(1))], Cancel);

        var reopened = await CreateCollectionAsync("restart", Dimensions);
        var hits = await reopened.SearchAsync(Axis(1), 2, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(["b#0", "a#0"], hits.Select(hit => hit.Record.ChunkId));
        Assert.Contains("tags:billing", hits[1].Record.Labels);
    }

    [Fact]
    public async Task Any_filter_expression_works_not_only_label_conjunctions()
    {
        var collection = await CreateCollectionAsync("expressions", Dimensions);
        await collection.EnsureCollectionExistsAsync(Cancel);
        await collection.UpsertAsync([Record("guides/a#0", Axis(0)), Record("guides/b#0", Axis(0)), Record("faq/c#0", Axis(0))], Cancel);
        var prefix = "guides/";

        var hits = await collection.SearchAsync(Axis(0), 5,
            new VectorSearchOptions<ChunkVector> { Filter = record => record.DocumentId.StartsWith(prefix) && record.ChunkId != "guides/b#0" }, Cancel)
            .Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);

        Assert.Equal(["guides/a#0"], hits);
    }

    [Fact]
    public async Task A_vector_of_the_wrong_size_is_refused_with_a_message_naming_the_chunk()
    {
        var collection = await CreateCollectionAsync("sizes", Dimensions);
        await collection.EnsureCollectionExistsAsync(Cancel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => collection.UpsertAsync(Record("a#0", new float[3]), Cancel));

        Assert.Contains("a#0", error.Message);
    }

    public void Dispose()
    {
        _collections.ForEach(collection => collection.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
