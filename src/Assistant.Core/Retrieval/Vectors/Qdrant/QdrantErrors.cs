using Grpc.Core;
using Microsoft.Extensions.VectorData;

namespace Assistant.Core.Retrieval.Vectors.Qdrant;

/// <summary>
/// Turns a gRPC failure into a <see cref="VectorStoreException"/> whose message names the setting to check. A raw
/// "Status(StatusCode=Unavailable, ...)" from deep in retrieval tells an operator nothing about where to look.
/// </summary>
internal static class QdrantErrors
{
    private const string EndpointKey = VectorStoreOptions.SectionName + ":" + nameof(VectorStoreOptions.Endpoint);
    private const string ApiKeyKey = VectorStoreOptions.SectionName + ":" + nameof(VectorStoreOptions.ApiKey);

    public static VectorStoreException Describe(RpcException error, Uri endpoint, string collection, string operation)
    {
        var message = error.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
                $"Qdrant at {endpoint} did not answer ({error.Status.Detail}). Check {EndpointKey}: it must be the gRPC "
                + "address of a running Qdrant, usually port 6334 (the REST port 6333 does not speak gRPC).",
            StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
                $"Qdrant at {endpoint} ({EndpointKey}) refused the request ({error.Status.Detail}). Check {ApiKeyKey}.",
            _ =>
                $"Qdrant at {endpoint} ({EndpointKey}) failed {operation} on collection '{collection}': "
                + $"{error.StatusCode} {error.Status.Detail}",
        };
        if (endpoint.Port == 6333)
        {
            // The most common misconfiguration: the address from Qdrant's web console, which is the REST port.
            message += " Port 6333 is Qdrant's REST port; this client speaks gRPC, on port 6334 by default.";
        }
        return new VectorStoreException(message, error)
        {
            VectorStoreSystemName = "qdrant",
            CollectionName = collection,
            OperationName = operation,
        };
    }

    public static async Task<T> CallAsync<T>(Uri endpoint, string collection, string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException error)
        {
            throw Describe(error, endpoint, collection, operation);
        }
    }
}
