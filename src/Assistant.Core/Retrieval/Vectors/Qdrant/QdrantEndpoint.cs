namespace Assistant.Core.Retrieval.Vectors.Qdrant;

/// <summary>
/// Checks the configured address before a client is built: the gRPC client accepts a relative or non-HTTP URI and
/// only fails on the first call, far from the setting that caused it.
/// </summary>
internal static class QdrantEndpoint
{
    private const string EndpointKey = VectorStoreOptions.SectionName + ":" + nameof(VectorStoreOptions.Endpoint);

    public static Uri Validate(VectorStoreOptions options)
    {
        if (options.Endpoint is null)
        {
            throw new InvalidOperationException(
                $"{EndpointKey} is required when Provider is Qdrant (for example http://127.0.0.1:6334, Qdrant's gRPC port).");
        }
        if (!options.Endpoint.IsAbsoluteUri || options.Endpoint.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"{EndpointKey} must be an absolute http or https address such as http://127.0.0.1:6334, not '{options.Endpoint}'.");
        }
        return options.Endpoint;
    }
}
