using System.Numerics.Tensors;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Embeddings;

/// <summary>
/// The offline embedding: stemmed words, adjacent word pairs and character 3–5-grams of each word, hashed into a
/// fixed-size signed vector and L2-normalised. It captures lexical overlap that exact keyword matching misses:
/// inflections the stemmer does not join ("authenticator"/"authentication"), compounds ("signin"/"sign in"),
/// typos and partial words. It does not capture meaning: synonyms with no shared letters ("refund"/"money back")
/// stay apart. That needs a real embedding model, configured with Provider = OpenAI.
/// </summary>
public sealed class HashingEmbeddingGenerator(int dimensions, EnglishAnalyzer analyzer) : IEmbeddingGenerator<string, Embedding<float>>
{
    private const float WordWeight = 1.0f;
    private const float PairWeight = 0.5f;
    private const float GramWeight = 0.25f;

    // v2: the analyzer reads Chinese and Japanese as character bigrams; a new id makes stored vectors re-embed.
    private readonly EmbeddingGeneratorMetadata _metadata =
        new("hashing", providerUri: null, defaultModelId: $"hashing-v2-{dimensions}", defaultModelDimensions: dimensions);

    public string ModelId => _metadata.DefaultModelId!;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }
        return Task.FromResult(embeddings);
    }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        var terms = analyzer.Analyze(text);
        for (var i = 0; i < terms.Count; i++)
        {
            Add(vector, Hash(terms[i], 0), WordWeight);
            if (i + 1 < terms.Count)
            {
                Add(vector, Hash(terms[i + 1], Hash(terms[i], 1)), PairWeight);
            }
            AddCharacterGrams(vector, terms[i]);
        }
        // Sublinear term frequency: a word said ten times is not ten times as relevant.
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = MathF.Sign(vector[i]) * MathF.Log(1 + MathF.Abs(vector[i]));
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private void AddCharacterGrams(float[] vector, string term)
    {
        // Boundary markers make "<ref" (a prefix) differ from "ref" inside "preference".
        Span<char> padded = stackalloc char[term.Length + 2];
        padded[0] = '<';
        term.AsSpan().CopyTo(padded[1..]);
        padded[^1] = '>';
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Add(vector, Hash(padded.Slice(start, n), (ulong)n), GramWeight);
            }
        }
    }

    private void Add(float[] vector, ulong hash, float weight)
    {
        var index = (int)(hash % (ulong)dimensions);
        // A second hash bit picks the sign so that collisions cancel out on average instead of piling up.
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    // FNV-1a: stable across processes and runs, unlike string.GetHashCode, so stored vectors stay valid.
    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = 14695981039346656037UL ^ (seed * 1099511628211UL);
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        // Final avalanche so that the low bits used for the index depend on every character.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
