using System.ComponentModel.DataAnnotations;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Retrieval.Vectors.Qdrant;
using Xunit;

namespace Assistant.Core.Tests.Retrieval.Vectors.Qdrant;

public sealed class QdrantOptionsTests
{
    [Fact]
    public void Qdrant_without_an_endpoint_fails_validation_naming_the_key()
    {
        var options = new VectorStoreOptions { Provider = VectorStoreProvider.Qdrant };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));

        var error = Assert.Single(results);
        Assert.Contains("Assistant:VectorStore:Endpoint", error.ErrorMessage);
        Assert.Equal([nameof(VectorStoreOptions.Endpoint)], error.MemberNames);
    }

    [Fact]
    public void The_embedded_default_needs_no_endpoint()
    {
        var options = new VectorStoreOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void Creating_a_Qdrant_collection_without_an_endpoint_names_the_key()
    {
        var options = new VectorStoreOptions { Provider = VectorStoreProvider.Qdrant };

        var error = Assert.Throws<InvalidOperationException>(() => QdrantChunkCollection.Create(options, dimensions: 384));

        Assert.Contains("Assistant:VectorStore:Endpoint is required", error.Message);
    }

    [Theory]
    [InlineData("qdrant:6334")]
    [InlineData("/relative")]
    [InlineData("grpc://127.0.0.1:6334")]
    public void An_endpoint_that_is_not_an_http_address_is_refused_before_any_call(string endpoint)
    {
        var options = new VectorStoreOptions { Provider = VectorStoreProvider.Qdrant, Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute) };

        var error = Assert.Throws<InvalidOperationException>(() => QdrantChunkCollection.Create(options, dimensions: 384));

        Assert.Contains("Assistant:VectorStore:Endpoint must be an absolute http or https address", error.Message);
    }
}
