using Qdrant.Client.Grpc;

namespace Assistant.Core.Retrieval.Vectors.Qdrant;

/// <summary>
/// Checks that an existing collection holds the vectors this model makes. Without it a model change surfaces as
/// "wrong vector size" on the first upsert, in the middle of a background embedding run.
/// </summary>
internal static class QdrantCollectionShape
{
    private const string CollectionNameKey = VectorStoreOptions.SectionName + ":" + nameof(VectorStoreOptions.CollectionName);

    public static void Check(CollectionInfo info, string name, int dimensions)
    {
        var vectors = info.Config?.Params?.VectorsConfig;
        if (vectors?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw Mismatch(name, "named vectors", dimensions);
        }
        if (vectors.Params.Size != (ulong)dimensions || vectors.Params.Distance != Distance.Cosine)
        {
            throw Mismatch(name, $"{vectors.Params.Size}-dimension vectors with {vectors.Params.Distance} distance", dimensions);
        }
    }

    private static InvalidOperationException Mismatch(string name, string holds, int dimensions) => new(
        $"Qdrant collection '{name}' holds {holds}, but the embedding model makes {dimensions}-dimension vectors searched by "
        + $"cosine similarity. Set {CollectionNameKey} to a new name (the chunks are embedded into it) or delete the collection.");
}
