using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Retrieval.Vectors.Qdrant;
using Qdrant.Client.Grpc;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

public sealed class QdrantPayloadTests
{
    private static ChunkVector Record() => new()
    {
        Key = ChunkVector.KeyOf("policies/refunds#2"),
        ChunkId = "policies/refunds#2",
        DocumentId = "policies/refunds",
        ContentHash = "9f2c",
        Labels = [ChunkVector.Label("tags", "billing"), ChunkVector.Label("document", "policies/refunds")],
        Vector = new float[] { 0.6f, 0.8f, 0f },
    };

    [Fact]
    public void A_point_carries_the_key_vector_and_every_field_under_its_payload_name()
    {
        var point = QdrantPayload.ToPoint(Record());

        Assert.Equal(ChunkVector.KeyOf("policies/refunds#2").ToString(), point.Id.Uuid);
        Assert.Equal([0.6f, 0.8f, 0f], point.Vectors.Vector.Dense.Data);
        Assert.Equal(["chunk_id", "content_hash", "document_id", "labels"], point.Payload.Keys.Order());
        Assert.Equal("policies/refunds", point.Payload["document_id"].StringValue);
        Assert.Equal(["tags:billing", "document:policies/refunds"], point.Payload["labels"].ListValue.Values.Select(v => v.StringValue));
    }

    [Fact]
    public void A_record_survives_the_round_trip_through_a_point()
    {
        var original = Record();
        var point = QdrantPayload.ToPoint(original);
        // What Qdrant sends back for that point when asked for payload and vector.
        var returned = new RetrievedPoint
        {
            Id = point.Id,
            Payload = { point.Payload },
            Vectors = new VectorsOutput { Vector = new VectorOutput { Dense = new DenseVector { Data = { point.Vectors.Vector.Dense.Data } } } },
        };

        var read = QdrantPayload.FromPoint(returned.Id, returned.Payload, returned.Vectors);

        Assert.Equal(original.Key, read.Key);
        Assert.Equal(original.ChunkId, read.ChunkId);
        Assert.Equal(original.DocumentId, read.DocumentId);
        Assert.Equal(original.ContentHash, read.ContentHash);
        Assert.Equal(original.Labels, read.Labels);
        Assert.Equal(original.Vector.ToArray(), read.Vector.ToArray());
    }

    [Fact]
    public void A_point_read_without_its_vector_has_an_empty_vector_and_no_labels_become_an_empty_list()
    {
        var point = QdrantPayload.ToPoint(new ChunkVector { Key = Guid.NewGuid(), ChunkId = "c", Vector = new float[] { 1f } });

        var read = QdrantPayload.FromPoint(point.Id, point.Payload, vectors: null);

        Assert.Equal("c", read.ChunkId);
        Assert.Empty(read.Labels);
        Assert.True(read.Vector.IsEmpty);
    }
}
