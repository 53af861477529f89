using System.Linq.Expressions;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// The default vector store: records persist in the knowledge database (the SQLite file, or the PostgreSQL database
/// replicas share) and are searched by an exact SIMD scan in memory. At help-center scale (tens of thousands of chunks) a full scan takes a few milliseconds and needs no
/// approximate index to tune. Filters are compiled and run on the records, so any expression works here, even ones
/// a server-side store could not translate.
/// </summary>
public sealed class EmbeddedChunkCollection : VectorStoreCollection<Guid, ChunkVector>
{
    private readonly IEmbeddedVectorTable _table;
    private readonly int _dimensions;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private EmbeddedVectorRows? _rows;
    private long _generation;

    public EmbeddedChunkCollection(SqliteDatabase knowledgeDatabase, string name, int dimensions)
        : this(new EmbeddedVectorTable(knowledgeDatabase, name), name, dimensions)
    {
    }

    /// <summary>Records in the database replicas share: each replica searches its own copy in memory and reloads it when another one wrote.</summary>
    public EmbeddedChunkCollection(PostgresDatabase database, string name, int dimensions)
        : this(new PostgresEmbeddedVectorTable(database, name), name, dimensions)
    {
    }

    private EmbeddedChunkCollection(IEmbeddedVectorTable table, string name, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Name = name;
        _dimensions = dimensions;
        _table = table;
    }

    public override string Name { get; }

    public int Dimensions => _dimensions;

    /// <summary>Records held right now; 0 before the collection exists.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(cancellationToken);
        return Read(() => rows.Count);
    }

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => _table.ExistsAsync(cancellationToken);

    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        await RowsAsync(cancellationToken);
        Wrote(await _table.CreateAsync(_dimensions, cancellationToken));
    }

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(cancellationToken);
        Wrote(await _table.DropAsync(cancellationToken));
        Write(() => rows.Clear());
    }

    /// <summary>
    /// Reloads the records when another process (the CLI's backfill, a second host) wrote to the collection since this
    /// one loaded it. Cheap when nothing changed: one small read. The web host calls it from its index watcher.
    /// </summary>
    public async Task RefreshIfChangedAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _rows) is null || await _table.GenerationAsync(cancellationToken) == Interlocked.Read(ref _generation))
        {
            return;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var (rows, generation) = await LoadAsync(cancellationToken);
            Write(() => _rows = rows);
            Interlocked.Exchange(ref _generation, generation);
        }
        finally
        {
            _loading.Release();
        }
    }

    public override async Task UpsertAsync(ChunkVector record, CancellationToken cancellationToken = default) =>
        await UpsertAsync([record], cancellationToken);

    public override async Task UpsertAsync(IEnumerable<ChunkVector> records, CancellationToken cancellationToken = default)
    {
        var batch = records.Select(Validated).ToList();
        if (batch.Count == 0)
        {
            return;
        }
        await EnsureExistsForWriteAsync(cancellationToken);
        var rows = await RowsAsync(cancellationToken);
        Wrote(await _table.UpsertAsync(batch, cancellationToken));
        Write(() => batch.ForEach(rows.Set));
    }

    public override async Task DeleteAsync(Guid key, CancellationToken cancellationToken = default) => await DeleteAsync([key], cancellationToken);

    public override async Task DeleteAsync(IEnumerable<Guid> keys, CancellationToken cancellationToken = default)
    {
        var batch = keys.ToList();
        var rows = await RowsAsync(cancellationToken);
        Wrote(await _table.DeleteAsync(batch, cancellationToken));
        Write(() => batch.ForEach(key => rows.Remove(key)));
    }

    public override async Task<ChunkVector?> GetAsync(Guid key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(cancellationToken);
        return Read(() => rows.TryGet(key, out var record) ? Copy(record, options?.IncludeVectors == true) : null);
    }

    public override async IAsyncEnumerable<ChunkVector> GetAsync(
        IEnumerable<Guid> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(cancellationToken);
        var found = Read(() => keys.Select(key => rows.TryGet(key, out var record) ? Copy(record, options?.IncludeVectors == true) : null)
            .OfType<ChunkVector>().ToList());
        foreach (var record in found)
        {
            yield return record;
        }
    }

    public override async IAsyncEnumerable<ChunkVector> GetAsync(
        Expression<Func<ChunkVector, bool>> filter, int top, FilteredRecordRetrievalOptions<ChunkVector>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var predicate = filter.Compile();
        var rows = await RowsAsync(cancellationToken);
        // Ordered by chunk id so that top and skip page through the same sequence every time.
        var found = Read(() => rows.Records.Where(predicate).OrderBy(record => record.ChunkId, StringComparer.Ordinal)
            .Skip(options?.Skip ?? 0).Take(top).Select(record => Copy(record, options?.IncludeVectors == true)).ToList());
        foreach (var record in found)
        {
            yield return record;
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<ChunkVector>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkVector>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var query = QueryVector(searchValue);
        options ??= new VectorSearchOptions<ChunkVector>();
        var accept = options.Filter?.Compile();
        var rows = await RowsAsync(cancellationToken);
        var hits = Read(() => rows.Search(query, top + options.Skip, accept));
        foreach (var (record, score) in hits.Skip(options.Skip))
        {
            if (options.ScoreThreshold is { } threshold && score < threshold)
            {
                yield break;
            }
            yield return new VectorSearchResult<ChunkVector>(Copy(record, options.IncludeVectors), score);
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lock.Dispose();
            _loading.Dispose();
        }
        base.Dispose(disposing);
    }

    private ReadOnlyMemory<float> QueryVector<TInput>(TInput value)
    {
        var vector = value switch
        {
            ReadOnlyMemory<float> memory => memory,
            float[] array => array,
            Embedding<float> embedding => embedding.Vector,
            _ => throw new NotSupportedException(
                $"The embedded collection searches by a vector (ReadOnlyMemory<float>, float[] or Embedding<float>), not by {typeof(TInput).Name}: embed the query first."),
        };
        if (vector.Length != _dimensions)
        {
            throw new ArgumentException($"The query vector has {vector.Length} dimensions; the collection '{Name}' holds {_dimensions}.", nameof(value));
        }
        return vector;
    }

    private ChunkVector Validated(ChunkVector record)
    {
        if (record.Vector.Length != _dimensions)
        {
            throw new ArgumentException(
                $"Chunk '{record.ChunkId}' has a vector of {record.Vector.Length} dimensions; the collection '{Name}' holds {_dimensions}.");
        }
        var norm = TensorPrimitives.Norm(record.Vector.Span);
        // Stored at unit length, so a search is one dot product per record. Most generators already return unit
        // vectors; only the others pay for a normalised copy.
        var vector = norm == 0 || MathF.Abs(norm - 1) <= 1e-4f ? record.Vector.ToArray() : Normalised(record.Vector.Span, norm);
        return new ChunkVector
        {
            Key = record.Key, ChunkId = record.ChunkId, DocumentId = record.DocumentId, ContentHash = record.ContentHash,
            Labels = [.. record.Labels], Vector = vector,
        };
    }

    private async Task EnsureExistsForWriteAsync(CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            throw new VectorStoreException($"The collection '{Name}' does not exist; call EnsureCollectionExistsAsync first.");
        }
    }

    private static float[] Normalised(ReadOnlySpan<float> vector, float norm)
    {
        var copy = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, copy);
        return copy;
    }

    // Callers get their own copy: a record they change must not change the store behind its back.
    private static ChunkVector Copy(ChunkVector record, bool includeVector) => new()
    {
        Key = record.Key, ChunkId = record.ChunkId, DocumentId = record.DocumentId, ContentHash = record.ContentHash,
        Labels = [.. record.Labels], Vector = includeVector ? record.Vector.ToArray() : ReadOnlyMemory<float>.Empty,
    };

    private async Task<EmbeddedVectorRows> RowsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _rows) is { } loaded)
        {
            return loaded;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_rows is null)
            {
                var (rows, generation) = await LoadAsync(cancellationToken);
                Interlocked.Exchange(ref _generation, generation);
                Volatile.Write(ref _rows, rows);
            }
            return _rows;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<(EmbeddedVectorRows Rows, long Generation)> LoadAsync(CancellationToken cancellationToken)
    {
        // The generation is read first: a write landing during the load makes the next refresh load again.
        var generation = await _table.GenerationAsync(cancellationToken);
        var rows = new EmbeddedVectorRows();
        foreach (var record in await _table.LoadAsync(_dimensions, cancellationToken))
        {
            rows.Set(record);
        }
        return (rows, generation);
    }

    // Our own write moves the generation by one; a bigger step means another process wrote too, so the known
    // generation stays behind and the next refresh reloads.
    private void Wrote(long generation) => Interlocked.CompareExchange(ref _generation, generation, generation - 1);

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        _lock.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
