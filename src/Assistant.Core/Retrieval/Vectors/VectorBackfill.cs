using System.Diagnostics;
using Assistant.Core.Embeddings;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Gives the served index's chunks their vectors after the keyword index is already answering: it embeds the chunks
/// the <see cref="IVectorLedger"/> has no vector for (of the current model, for the current text), batch by batch, and
/// upserts them into the vector store. Each batch is recorded as it lands, so a stopped run continues where it
/// stopped. Identical text is embedded once: a vector already stored for the same content hash is copied. The web
/// host runs it in the background; the CLI runs it in the foreground with a progress bar.
/// </summary>
public sealed class VectorBackfill(
    KnowledgeIndex index,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    VectorStoreCollection<Guid, ChunkVector> collection,
    IVectorLedger ledger,
    IReplicaLock replicas,
    IOptions<EmbeddingOptions> options,
    ILogger<VectorBackfill> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);
    // Guards the pair (status, vectors current) between a pass and a first search loading them at the same time.
    private readonly Lock _gate = new();
    private EmbeddingStatus? _status;
    private volatile bool _vectorsCurrent;

    public string ModelId { get; } = ModelIdOf(generator);

    public static string ModelIdOf(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName ?? "unknown"}:{metadata?.DefaultModelId ?? "default"}";
    }

    public EmbeddingStatus Status => Volatile.Read(ref _status) ?? new EmbeddingStatus(ModelId, EmbeddingState.Unknown, 0, index.Current.Chunks.Count, 0);

    /// <summary>
    /// Whether a search may use the vector store: it holds vectors, and they come from the current model (after a
    /// model change nothing is searched until the store was emptied of the old model's vectors).
    /// </summary>
    public async ValueTask<bool> IsSearchableAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _status) is null)
        {
            await LoadStatusAsync(cancellationToken);
        }
        return _vectorsCurrent && Status.Embedded > 0;
    }

    /// <summary>Embeds every chunk of the served index that has no current vector, then returns the final status.</summary>
    public async Task<EmbeddingStatus> RunAsync(IProgress<EmbeddingStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            // One replica embeds at a time; the next finds the ledger filled and only reloads what the first wrote.
            await using (await replicas.AcquireAsync(AdvisoryLocks.EmbeddingBackfill, cancellationToken))
            {
                return await PassAsync(progress, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(progress, Status with { State = EmbeddingState.Failed, Error = exception.Message });
            throw;
        }
        catch (OperationCanceledException)
        {
            Report(progress, Status with { State = EmbeddingState.Pending, PassagesPerSecond = 0 });
            throw;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<EmbeddingStatus> PassAsync(IProgress<EmbeddingStatus>? progress, CancellationToken cancellationToken)
    {
        if (await ledger.GetModelAsync(cancellationToken) != ModelId)
        {
            // Another model's vectors live in another space (often another size): they go before any new one lands.
            _vectorsCurrent = false;
            await collection.EnsureCollectionDeletedAsync(cancellationToken);
            await ledger.ResetAsync(ModelId, cancellationToken);
        }
        await collection.EnsureCollectionExistsAsync(cancellationToken);
        if (collection is EmbeddedChunkCollection shared)
        {
            // Vectors another replica wrote are copied by content hash below, so they must be in memory here.
            await shared.RefreshIfChangedAsync(cancellationToken);
        }

        var snapshot = index.Current;
        var recorded = await ledger.LoadAsync(cancellationToken);
        var todo = snapshot.Chunks.Where(chunk => !recorded.TryGetValue(chunk.Id, out var hash) || hash != chunk.ContentHash).ToList();
        var done = snapshot.Chunks.Count - todo.Count;
        lock (_gate)
        {
            _vectorsCurrent = true;
            // A pass with nothing to do keeps the last pass's rate: "0 passages/s" would read as a stalled model.
            var rate = todo.Count == 0 ? Status.PassagesPerSecond : 0;
            Report(progress, new EmbeddingStatus(ModelId, todo.Count == 0 ? EmbeddingState.Complete : EmbeddingState.Embedding, done, snapshot.Chunks.Count, rate));
        }

        // Copies are read before anything is deleted: a renamed article's old chunks are the source of its new ones.
        var reusable = await ReusableVectorsAsync(todo, recorded, cancellationToken);
        var current = snapshot.Chunks.Select(chunk => chunk.Id).ToHashSet(StringComparer.Ordinal);
        var gone = recorded.Keys.Where(id => !current.Contains(id)).ToList();
        if (gone.Count > 0)
        {
            await collection.DeleteAsync(gone.Select(ChunkVector.KeyOf), cancellationToken);
            await ledger.ForgetAsync(gone, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var embedded = 0;
        var batchSize = options.Value.BatchSize * Environment.ProcessorCount;
        foreach (var batch in todo.Chunk(batchSize))
        {
            var fresh = await EmbedAsync(batch.Where(chunk => !reusable.ContainsKey(chunk.ContentHash)).DistinctBy(chunk => chunk.ContentHash).ToList(), cancellationToken);
            embedded += fresh.Count;
            var records = batch.Select(chunk => Record(chunk, fresh.TryGetValue(chunk.ContentHash, out var vector) ? vector : reusable[chunk.ContentHash])).ToList();
            await collection.UpsertAsync(records, cancellationToken);
            await ledger.RecordAsync(batch.Select(chunk => (chunk.Id, chunk.ContentHash)), cancellationToken);
            foreach (var (hash, vector) in fresh)
            {
                reusable[hash] = vector;
            }
            done += batch.Length;
            var rate = clock.Elapsed.TotalSeconds > 0 ? Math.Round(embedded / clock.Elapsed.TotalSeconds, 1) : 0;
            Report(progress, new EmbeddingStatus(ModelId, done == snapshot.Chunks.Count ? EmbeddingState.Complete : EmbeddingState.Embedding,
                done, snapshot.Chunks.Count, rate));
        }
        if (todo.Count > 0)
        {
            logger.LogInformation("Embedded {Embedded} chunks ({Reused} copied by content hash) with {Model} in {Seconds:F1}s",
                embedded, todo.Count - embedded, ModelId, clock.Elapsed.TotalSeconds);
        }
        return Status;
    }

    private async Task<Dictionary<string, ReadOnlyMemory<float>>> ReusableVectorsAsync(
        List<ChunkRecord> todo, Dictionary<string, string> recorded, CancellationToken cancellationToken)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (chunkId, hash) in recorded)
        {
            sources.TryAdd(hash, chunkId);
        }
        var keys = todo.Select(chunk => chunk.ContentHash).Distinct(StringComparer.Ordinal)
            .Where(sources.ContainsKey).Select(hash => ChunkVector.KeyOf(sources[hash])).ToList();
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        foreach (var part in keys.Chunk(256))
        {
            await foreach (var record in collection.GetAsync(part, new RecordRetrievalOptions { IncludeVectors = true }, cancellationToken))
            {
                vectors[record.ContentHash] = record.Vector;
            }
        }
        return vectors;
    }

    private async Task<Dictionary<string, ReadOnlyMemory<float>>> EmbedAsync(List<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        // One generator call per core at a time: the local model runs one thread per inference.
        var parts = chunks.Chunk(options.Value.BatchSize).ToList();
        var results = new ReadOnlyMemory<float>[parts.Count][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, parts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (part, token) =>
            {
                var embeddings = await generator.GenerateAsync(parts[part].Select(chunk => chunk.EmbeddingInput), cancellationToken: token);
                results[part] = embeddings.Select(embedding => embedding.Vector).ToArray();
            });
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        for (var part = 0; part < parts.Count; part++)
        {
            for (var i = 0; i < parts[part].Length; i++)
            {
                vectors[parts[part][i].ContentHash] = results[part][i];
            }
        }
        return vectors;
    }

    private static ChunkVector Record(ChunkRecord chunk, ReadOnlyMemory<float> vector) => new()
    {
        Key = ChunkVector.KeyOf(chunk.Id),
        ChunkId = chunk.Id,
        DocumentId = chunk.DocumentId,
        ContentHash = chunk.ContentHash,
        Labels = [.. chunk.Metadata.SelectMany(field => field.Value.Select(value => ChunkVector.Label(field.Key, value)))
            .Append(ChunkVector.Label("document", chunk.DocumentId)).Distinct(StringComparer.Ordinal)],
        Vector = vector,
    };

    private async Task LoadStatusAsync(CancellationToken cancellationToken)
    {
        var snapshot = index.Current;
        var current = await ledger.GetModelAsync(cancellationToken) == ModelId;
        var recorded = current ? await ledger.LoadAsync(cancellationToken) : [];
        var done = snapshot.Chunks.Count(chunk => recorded.TryGetValue(chunk.Id, out var hash) && hash == chunk.ContentHash);
        var state = done == snapshot.Chunks.Count ? EmbeddingState.Complete : EmbeddingState.Pending;
        lock (_gate)
        {
            // A pass that reported meanwhile knows better than what was read here.
            if (_status is null)
            {
                _vectorsCurrent = current;
                _status = new EmbeddingStatus(ModelId, state, done, snapshot.Chunks.Count, 0);
            }
        }
    }

    private void Report(IProgress<EmbeddingStatus>? progress, EmbeddingStatus status)
    {
        Volatile.Write(ref _status, status);
        progress?.Report(status);
    }
}
