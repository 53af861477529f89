using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Assistant.Core.Retrieval.Vectors.Qdrant;

/// <summary>
/// Chunk vectors in a Qdrant collection over gRPC: one unnamed vector per point, cosine distance, so a search score
/// is the cosine similarity, as in the embedded store. Writes wait for Qdrant to apply them, so a read that follows
/// a write sees it (the contract every provider here passes).
/// </summary>
public sealed class QdrantChunkCollection : VectorStoreCollection<Guid, ChunkVector>
{
    private readonly QdrantClient _client;
    private readonly Uri _endpoint;
    private readonly int _dimensions;
    private readonly bool _ownsClient;

    public QdrantChunkCollection(QdrantClient client, Uri endpoint, string name, int dimensions, bool ownsClient = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        _client = client;
        _endpoint = endpoint;
        Name = name;
        _dimensions = dimensions;
        _ownsClient = ownsClient;
    }

    public override string Name { get; }

    /// <summary>The collection named by <paramref name="options"/>, on a client this collection owns and disposes.</summary>
    public static QdrantChunkCollection Create(VectorStoreOptions options, int dimensions)
    {
        var endpoint = QdrantEndpoint.Validate(options);
        var client = new QdrantClient(endpoint, string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey);
        return new QdrantChunkCollection(client, endpoint, options.CollectionName, dimensions, ownsClient: true);
    }

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) =>
        Call("CollectionExists", () => _client.CollectionExistsAsync(Name, cancellationToken));

    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        if (await CollectionExistsAsync(cancellationToken))
        {
            var info = await Call("GetCollectionInfo", () => _client.GetCollectionInfoAsync(Name, cancellationToken));
            QdrantCollectionShape.Check(info, Name, _dimensions);
        }
        else
        {
            try
            {
                var vectors = new VectorParams { Size = (ulong)_dimensions, Distance = Distance.Cosine };
                await _client.CreateCollectionAsync(Name, vectors, cancellationToken: cancellationToken);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.AlreadyExists)
            {
                // Another replica created it between our check and our create: the outcome we wanted.
            }
            catch (RpcException error)
            {
                throw QdrantErrors.Describe(error, _endpoint, Name, "CreateCollection");
            }
        }
        // Creating an index that exists is a no-op in Qdrant, so a collection made by an older version gains them.
        foreach (var field in QdrantPayload.KeywordFields)
        {
            await Call("CreatePayloadIndex", () => _client.CreatePayloadIndexAsync(
                Name, field, PayloadSchemaType.Keyword, cancellationToken: cancellationToken));
        }
    }

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        if (await CollectionExistsAsync(cancellationToken))
        {
            await Call("DeleteCollection", async () =>
            {
                await _client.DeleteCollectionAsync(Name, cancellationToken: cancellationToken);
                return true;
            });
        }
    }

    public override async Task<ChunkVector?> GetAsync(Guid key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var points = await Call("Retrieve", () => _client.RetrieveAsync(
            Name, key, withPayload: true, withVectors: options?.IncludeVectors ?? false, cancellationToken: cancellationToken));
        return points.Count == 0 ? null : QdrantPayload.FromPoint(points[0].Id, points[0].Payload, points[0].Vectors);
    }

    public override async IAsyncEnumerable<ChunkVector> GetAsync(IEnumerable<Guid> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ids = keys.Select(key => (PointId)key).ToList();
        if (ids.Count == 0)
        {
            yield break;
        }
        var points = await Call("Retrieve", () => _client.RetrieveAsync(
            Name, ids, withPayload: true, withVectors: options?.IncludeVectors ?? false, cancellationToken: cancellationToken));
        foreach (var point in points)
        {
            yield return QdrantPayload.FromPoint(point.Id, point.Payload, point.Vectors);
        }
    }

    public override async IAsyncEnumerable<ChunkVector> GetAsync(Expression<Func<ChunkVector, bool>> filter, int top, FilteredRecordRetrievalOptions<ChunkVector>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (options?.OrderBy is not null)
        {
            throw new NotSupportedException("The Qdrant vector store does not order filtered reads; records come in key order.");
        }
        var skip = options?.Skip ?? 0;
        var qdrantFilter = QdrantFilterTranslator.Translate(filter);
        // Scroll pages by point id, not by count, so skipping is done here: the skipped points are read and dropped.
        var page = await Call("Scroll", () => _client.ScrollAsync(
            Name, qdrantFilter, limit: (uint)(skip + top), payloadSelector: true,
            vectorsSelector: options?.IncludeVectors ?? false, cancellationToken: cancellationToken));
        foreach (var point in page.Result.Skip(skip))
        {
            yield return QdrantPayload.FromPoint(point.Id, point.Payload, point.Vectors);
        }
    }

    public override Task DeleteAsync(Guid key, CancellationToken cancellationToken = default) =>
        Call("Delete", () => _client.DeleteAsync(Name, key, wait: true, cancellationToken: cancellationToken));

    public override async Task DeleteAsync(IEnumerable<Guid> keys, CancellationToken cancellationToken = default)
    {
        var ids = keys.ToList();
        if (ids.Count > 0)
        {
            await Call("Delete", () => _client.DeleteAsync(Name, ids, wait: true, cancellationToken: cancellationToken));
        }
    }

    public override Task UpsertAsync(ChunkVector record, CancellationToken cancellationToken = default) =>
        UpsertAsync([record], cancellationToken);

    public override async Task UpsertAsync(IEnumerable<ChunkVector> records, CancellationToken cancellationToken = default)
    {
        var points = records.Select(record => QdrantPayload.ToPoint(CheckDimensions(record))).ToList();
        if (points.Count > 0)
        {
            await Call("Upsert", () => _client.UpsertAsync(Name, points, wait: true, cancellationToken: cancellationToken));
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<ChunkVector>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<ChunkVector>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var query = QueryVector(searchValue);
        var filter = QdrantFilterTranslator.Translate(options?.Filter);
        var points = await Call("Query", () => _client.QueryAsync(
            Name, query: query, filter: filter, scoreThreshold: (float?)options?.ScoreThreshold,
            limit: (ulong)top, offset: (ulong)(options?.Skip ?? 0), payloadSelector: true,
            vectorsSelector: options?.IncludeVectors ?? false, cancellationToken: cancellationToken));
        foreach (var point in points)
        {
            yield return new VectorSearchResult<ChunkVector>(QdrantPayload.FromPoint(point.Id, point.Payload, point.Vectors), point.Score);
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata { VectorStoreSystemName = "qdrant", CollectionName = Name }
        : serviceType == typeof(QdrantClient) ? _client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsClient)
        {
            _client.Dispose();
        }
        base.Dispose(disposing);
    }

    private float[] QueryVector<TInput>(TInput searchValue)
    {
        var vector = searchValue switch
        {
            ReadOnlyMemory<float> memory => memory.ToArray(),
            float[] array => array,
            Embedding<float> embedding => embedding.Vector.ToArray(),
            _ => throw new NotSupportedException(
                $"The Qdrant vector store searches with a float vector (ReadOnlyMemory<float>, float[] or Embedding<float>), not {typeof(TInput).Name}."),
        };
        return vector.Length == _dimensions ? vector : throw new ArgumentException(
            $"The query vector has {vector.Length} dimensions; collection '{Name}' holds {_dimensions}.", nameof(searchValue));
    }

    private ChunkVector CheckDimensions(ChunkVector record) => record.Vector.Length == _dimensions ? record
        : throw new ArgumentException(
            $"Chunk '{record.ChunkId}' has a {record.Vector.Length}-dimension vector; collection '{Name}' holds {_dimensions}. Re-embed after changing the model.");

    private Task<T> Call<T>(string operation, Func<Task<T>> call) => QdrantErrors.CallAsync(_endpoint, Name, operation, call);
}
