using System.Numerics.Tensors;
using Assistant.Core.Embeddings;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.AI;
using Xunit;

namespace Assistant.Core.Tests.Embeddings;

public sealed class HashingEmbeddingGeneratorTests
{
    private readonly HashingEmbeddingGenerator _generator = new(512, new EnglishAnalyzer());

    private float Similarity(string a, string b) => TensorPrimitives.Dot(_generator.Embed(a), _generator.Embed(b));

    [Fact]
    public void Vectors_are_deterministic_and_unit_length()
    {
        var first = _generator.Embed("Reset two-factor authentication");
        var second = new HashingEmbeddingGenerator(512, new EnglishAnalyzer()).Embed("Reset two-factor authentication");

        Assert.Equal(first, second);
        Assert.Equal(1f, TensorPrimitives.Norm(first), 4);
    }

    [Fact]
    public void Word_variants_and_typos_land_closer_than_unrelated_words()
    {
        Assert.True(Similarity("authenticator app", "authentication") > Similarity("authenticator app", "refund invoice"));
        Assert.True(Similarity("pasword reset", "password reset") > Similarity("pasword reset", "webhook retries"));
    }

    [Fact]
    public async Task Reports_its_model_through_the_abstraction()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = _generator;

        var embeddings = await generator.GenerateAsync(["one", "two"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal("hashing-v2-512", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        Assert.Equal(512, embeddings[0].Vector.Length);
    }
}
