using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Retrieval.Vectors.Qdrant;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

/// <summary>
/// The contract suite against a real Qdrant, which cannot run on the project's machines. It needs a server: run
/// without QDRANT_URL, every test fails saying how to start one; with it set and the server down, every test fails
/// with the message naming the endpoint. The test command leaves this class out (trait Requires=Qdrant) unless
/// QDRANT_URL is set, and says so. QDRANT_API_KEY is sent when set.
/// </summary>
[Trait(Requirement, Qdrant)]
public sealed class QdrantChunkCollectionContractTests : ChunkCollectionContract
{
    public const string Requirement = "Requires";
    public const string Qdrant = "Qdrant";

    public const string NotConfigured =
        "QDRANT_URL is not set; start a server with `docker run -p 6334:6334 qdrant/qdrant` and set QDRANT_URL=http://127.0.0.1:6334";

    protected override Task<VectorStoreCollection<Guid, ChunkVector>> CreateCollectionAsync(string name, int dimensions)
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Fail(NotConfigured);
        }
        var options = new VectorStoreOptions
        {
            Provider = VectorStoreProvider.Qdrant,
            Endpoint = new Uri(url!),
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            CollectionName = name,
        };
        return Task.FromResult<VectorStoreCollection<Guid, ChunkVector>>(QdrantChunkCollection.Create(options, dimensions));
    }
}
