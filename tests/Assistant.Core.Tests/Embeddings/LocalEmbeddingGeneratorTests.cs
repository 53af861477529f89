using System.Numerics.Tensors;
using Assistant.Core.Embeddings;
using Microsoft.Extensions.AI;
using Xunit;

namespace Assistant.Core.Tests.Embeddings;

/// <summary>The packaged all-MiniLM-L6-v2 model, run for real on the CPU.</summary>
public sealed class LocalEmbeddingGeneratorTests : IClassFixture<LocalEmbeddingGeneratorTests.Model>
{
    private readonly LocalEmbeddingGenerator _generator;

    public LocalEmbeddingGeneratorTests(Model model) => _generator = model.Generator;

    [Fact]
    public async Task Vectors_have_384_dimensions_and_unit_length()
    {
        var embeddings = await _generator.GenerateAsync(["Refunds are issued within 30 days.", "", "日本語のテキスト"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(LocalEmbeddingGenerator.Dimensions, embedding.Vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(embedding.Vector.Span), 3);
        });
    }

    [Fact]
    public async Task Paraphrases_without_shared_words_are_closer_than_unrelated_text()
    {
        // The hashing embedding cannot do this: "money back" and "refund" share no letters.
        var vectors = await VectorsAsync("How do I get my money back?", "Refunds are paid to the original card within 30 days.",
            "Reset your password from the sign-in page.");

        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[0], vectors[2]) + 0.1,
            $"paraphrase {Cosine(vectors[0], vectors[1]):F3}, unrelated {Cosine(vectors[0], vectors[2]):F3}");
    }

    [Fact]
    public async Task The_same_text_gives_the_same_vector_also_when_encoded_concurrently()
    {
        var texts = Enumerable.Range(0, 8).Select(i => $"Invoice {i} was paid by card on the {i + 1}st of the month.").ToArray();
        var sequential = await VectorsAsync(texts);

        var concurrent = await Task.WhenAll(texts.Select(text => Task.Run(async () => (await VectorsAsync(text))[0], TestContext.Current.CancellationToken)));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], concurrent[i]);
        }
    }

    [Fact]
    public void Metadata_names_the_model_so_a_change_of_model_re_embeds()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal(("local", "all-MiniLM-L6-v2", 384), (metadata.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
    }

    private async Task<float[][]> VectorsAsync(params string[] texts) =>
        [.. (await _generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken)).Select(embedding => embedding.Vector.ToArray())];

    private static float Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);

    /// <summary>One model load for the class: it is 91 MB.</summary>
    public sealed class Model : IDisposable
    {
        public LocalEmbeddingGenerator Generator { get; } = new();

        public void Dispose() => Generator.Dispose();
    }
}
