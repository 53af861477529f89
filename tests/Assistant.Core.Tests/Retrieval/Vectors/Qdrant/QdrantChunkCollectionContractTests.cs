using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Retrieval.Vectors.Qdrant;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

/// <summary>
/// The contract suite against a real Qdrant, which cannot run on the project's machines. Where QDRANT_URL is not set
/// every test is reported as skipped with the reason, never as passed; where it is set and the server is down, every
/// test fails with the message naming the endpoint. QDRANT_API_KEY is sent when set.
/// </summary>
public sealed class QdrantChunkCollectionContractTests : ChunkCollectionContract
{
    public const string NotConfigured =
        "QDRANT_URL is not set; start a server with `docker run -p 6334:6334 qdrant/qdrant` and set QDRANT_URL=http://127.0.0.1:6334";

    protected override Task<VectorStoreCollection<Guid, ChunkVector>> CreateCollectionAsync(string name, int dimensions)
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(url), NotConfigured);
        var options = new VectorStoreOptions
        {
            Provider = VectorStoreProvider.Qdrant,
            Endpoint = new Uri(url),
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            CollectionName = name,
        };
        return Task.FromResult<VectorStoreCollection<Guid, ChunkVector>>(QdrantChunkCollection.Create(options, dimensions));
    }
}
