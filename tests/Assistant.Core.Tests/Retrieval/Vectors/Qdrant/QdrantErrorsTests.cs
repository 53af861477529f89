using System.Net;
using System.Net.Sockets;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Retrieval.Vectors.Qdrant;
using Grpc.Core;
using Microsoft.Extensions.VectorData;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

public sealed class QdrantErrorsTests
{
    [Fact]
    public async Task An_unreachable_server_is_reported_naming_the_endpoint_setting()
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}");
        using var collection = QdrantChunkCollection.Create(
            new VectorStoreOptions { Provider = VectorStoreProvider.Qdrant, Endpoint = endpoint }, dimensions: 4);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => collection.CollectionExistsAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Assistant:VectorStore:Endpoint", error.Message);
        Assert.Contains(endpoint.ToString(), error.Message);
        Assert.Contains("6334", error.Message);
        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(error.InnerException).StatusCode);
        Assert.Equal("assistant-chunks", error.CollectionName);
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.PermissionDenied)]
    public void A_refused_key_is_reported_naming_the_api_key_setting(StatusCode status)
    {
        var error = QdrantErrors.Describe(
            new RpcException(new Status(status, "Invalid api-key")), new Uri("http://qdrant:6334"), "chunks", "Query");

        Assert.Contains("Assistant:VectorStore:ApiKey", error.Message);
        Assert.Contains("http://qdrant:6334", error.Message);
    }

    [Fact]
    public void Any_other_failure_names_the_operation_collection_and_status()
    {
        var error = QdrantErrors.Describe(
            new RpcException(new Status(StatusCode.InvalidArgument, "wrong vector size")), new Uri("http://qdrant:6334"), "chunks", "Upsert");

        Assert.Contains("Upsert on collection 'chunks'", error.Message);
        Assert.Contains("InvalidArgument wrong vector size", error.Message);
        Assert.Equal("Upsert", error.OperationName);
    }

    [Fact]
    public void The_REST_port_in_the_endpoint_is_pointed_out()
    {
        var error = QdrantErrors.Describe(
            new RpcException(new Status(StatusCode.Internal, "Bad gRPC response")), new Uri("http://127.0.0.1:6333"), "chunks", "Query");

        Assert.Contains("Port 6333 is Qdrant's REST port", error.Message);
        Assert.Contains("Assistant:VectorStore:Endpoint", error.Message);
    }

    // A port that was free a moment ago: connecting to it is refused at once, as with a server that is not running.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
