using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.VectorData;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// What a vector store holds for one chunk: its vector and the metadata that vector searches filter on. The text and
/// the keyword index stay in the knowledge store; a hit's <see cref="ChunkId"/> joins the two.
/// </summary>
/// <remarks>
/// Metadata is flattened into <see cref="Labels"/> ("field:value", lower case) because a filter over an arbitrary
/// dictionary cannot be translated into every store's filter language, while "array contains value" can (Qdrant
/// matches a keyword against an array payload). The key is a <see cref="Guid"/> because Qdrant accepts only GUIDs and
/// unsigned integers as point ids.
/// </remarks>
public sealed class ChunkVector
{
    [VectorStoreKey]
    public Guid Key { get; set; }

    [VectorStoreData(IsIndexed = true)]
    public string ChunkId { get; set; } = "";

    [VectorStoreData(IsIndexed = true)]
    public string DocumentId { get; set; } = "";

    /// <summary>Hash of the embedded text: a vector is reused for identical text and recomputed when it changes.</summary>
    [VectorStoreData]
    public string ContentHash { get; set; } = "";

    /// <summary>"field:value" pairs in lower case, including "document:&lt;id&gt;"; see <see cref="ChunkVectorFilter"/>.</summary>
    [VectorStoreData(IsIndexed = true)]
    public List<string> Labels { get; set; } = [];

    /// <summary>Unit length. 384 is the default local model's size; a store built for another model passes a <see cref="Microsoft.Extensions.VectorData.VectorStoreCollectionDefinition"/> with its dimensions.</summary>
    [VectorStoreVector(384, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float> Vector { get; set; }

    /// <summary>The same chunk id always maps to the same key, in every store.</summary>
    public static Guid KeyOf(string chunkId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(chunkId), hash);
        return new Guid(hash[..16]);
    }

    public static string Label(string field, string value) => $"{field}:{value}".ToLowerInvariant();
}
