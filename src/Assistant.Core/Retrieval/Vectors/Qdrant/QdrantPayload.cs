using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Assistant.Core.Retrieval.Vectors.Qdrant;

/// <summary>
/// How a <see cref="ChunkVector"/> is stored as a Qdrant point: the key is the point id, the vector is the point's
/// single unnamed vector, the rest is payload under snake_case names (Qdrant's convention, and what its console
/// and filters show an operator).
/// </summary>
internal static class QdrantPayload
{
    public const string ChunkId = "chunk_id";
    public const string DocumentId = "document_id";
    public const string ContentHash = "content_hash";
    public const string Labels = "labels";

    /// <summary>The payload fields filters match on; each gets a keyword index so a filter does not scan every point.</summary>
    public static IReadOnlyList<string> KeywordFields { get; } = [ChunkId, DocumentId, Labels];

    public static PointStruct ToPoint(ChunkVector record)
    {
        var point = new PointStruct { Id = record.Key, Vectors = record.Vector.ToArray() };
        point.Payload[ChunkId] = record.ChunkId;
        point.Payload[DocumentId] = record.DocumentId;
        point.Payload[ContentHash] = record.ContentHash;
        point.Payload[Labels] = record.Labels.ToArray();
        return point;
    }

    /// <summary>Reads a point as Qdrant returns it (retrieved, scrolled or scored); the vector is empty when it was not asked for.</summary>
    public static ChunkVector FromPoint(PointId id, MapField<string, Value> payload, VectorsOutput? vectors) => new()
    {
        Key = Guid.Parse(id.Uuid),
        ChunkId = Text(payload, ChunkId),
        DocumentId = Text(payload, DocumentId),
        ContentHash = Text(payload, ContentHash),
        Labels = payload.TryGetValue(Labels, out var labels)
            ? labels.ListValue?.Values.Select(value => value.StringValue).ToList() ?? []
            : [],
        Vector = vectors?.Vector?.GetDenseVector()?.Data.ToArray() ?? ReadOnlyMemory<float>.Empty,
    };

    private static string Text(MapField<string, Value> payload, string field) =>
        payload.TryGetValue(field, out var value) ? value.StringValue : "";
}
