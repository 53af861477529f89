using Assistant.Core.Retrieval.Vectors.Qdrant;
using Qdrant.Client.Grpc;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

public sealed class QdrantCollectionShapeTests
{
    private static CollectionInfo Holding(ulong size, Distance distance) => new()
    {
        Config = new CollectionConfig
        {
            Params = new CollectionParams { VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = size, Distance = distance } } },
        },
    };

    [Fact]
    public void A_collection_of_the_models_size_with_cosine_distance_is_accepted()
    {
        QdrantCollectionShape.Check(Holding(384, Distance.Cosine), "chunks", 384);
    }

    [Theory]
    [InlineData(1536UL, Distance.Cosine, "1536-dimension vectors with Cosine distance")]
    [InlineData(384UL, Distance.Dot, "384-dimension vectors with Dot distance")]
    public void A_collection_made_for_another_model_is_refused_naming_the_setting_to_change(ulong size, Distance distance, string holds)
    {
        var error = Assert.Throws<InvalidOperationException>(() => QdrantCollectionShape.Check(Holding(size, distance), "chunks", 384));

        Assert.Contains($"'chunks' holds {holds}", error.Message);
        Assert.Contains("Assistant:VectorStore:CollectionName", error.Message);
    }

    [Fact]
    public void A_collection_of_named_vectors_is_refused()
    {
        var info = new CollectionInfo
        {
            Config = new CollectionConfig { Params = new CollectionParams { VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() } } },
        };

        var error = Assert.Throws<InvalidOperationException>(() => QdrantCollectionShape.Check(info, "chunks", 384));

        Assert.Contains("named vectors", error.Message);
    }
}
