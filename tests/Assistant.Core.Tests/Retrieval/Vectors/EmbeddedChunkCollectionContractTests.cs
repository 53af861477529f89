using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors;

/// <summary>The contract on the embedded store, over a real SQLite file or a PostgreSQL database per test.</summary>
public abstract class EmbeddedChunkCollectionContractTests(StorageProvider provider) : ChunkCollectionContract, IDisposable
{
    private readonly List<EmbeddedChunkCollection> _collections = [];
    private TestStateDatabase? _database;

    protected override async Task<VectorStoreCollection<Guid, ChunkVector>> CreateCollectionAsync(string name, int dimensions)
    {
        _database ??= await TestStateDatabase.CreateAsync(provider);
        return Keep(_database.Pick(
            sqlite => new EmbeddedChunkCollection(sqlite, name, dimensions), postgres => new EmbeddedChunkCollection(postgres, name, dimensions)));
    }

    /// <summary>The same collection as another replica (or process) opens it: its own connections and its own records in memory.</summary>
    private async Task<EmbeddedChunkCollection> OtherReplicaAsync(string name)
    {
        _database ??= await TestStateDatabase.CreateAsync(provider);
        return Keep(_database.OtherReplica(
            sqlite => new EmbeddedChunkCollection(sqlite, name, Dimensions), postgres => new EmbeddedChunkCollection(postgres, name, Dimensions)));
    }

    private EmbeddedChunkCollection Keep(EmbeddedChunkCollection collection)
    {
        _collections.Add(collection);
        return collection;
    }

    [Fact]
    public async Task Records_survive_a_restart_without_being_upserted_again()
    {
        var first = await CreateCollectionAsync("restart", Dimensions);
        await first.EnsureCollectionExistsAsync(Cancel);
        await first.UpsertAsync([Record("a#0", Axis(0), "tags:billing"), Record("b#0", Axis(1))], Cancel);

        var reopened = await OtherReplicaAsync("restart");
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

    [Fact]
    public async Task Another_replicas_writes_show_up_after_a_refresh_and_not_before()
    {
        var mine = await CreateCollectionAsync("replicas", Dimensions);
        await mine.EnsureCollectionExistsAsync(Cancel);
        await mine.UpsertAsync([Record("a#0", Axis(0))], Cancel);
        var other = await OtherReplicaAsync("replicas");
        Assert.Equal(1, await other.CountAsync(Cancel));

        await mine.UpsertAsync([Record("b#0", Axis(1))], Cancel);
        await mine.DeleteAsync(ChunkVector.KeyOf("a#0"), Cancel);
        var before = await other.SearchAsync(Axis(1), 2, cancellationToken: Cancel).Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);
        await other.RefreshIfChangedAsync(Cancel);
        var after = await other.SearchAsync(Axis(1), 2, cancellationToken: Cancel).Select(hit => hit.Record.ChunkId).ToListAsync(Cancel);

        Assert.Equal(["a#0"], before);
        Assert.Equal(["b#0"], after);
    }

    // xUnit disposes asynchronously first (the contract deletes its collections), then here.
    public void Dispose()
    {
        _collections.ForEach(collection => collection.Dispose());
        _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    public sealed class OnSqlite() : EmbeddedChunkCollectionContractTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : EmbeddedChunkCollectionContractTests(StorageProvider.PostgreSQL);
}
