using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Answers.Semantic;

/// <summary>
/// The injected embedding generator seen as a judge of meaning: its thresholds (from <see cref="SemanticOptions"/>,
/// by the generator's model id), or none when the model has no entry, and embeddings of short texts.
/// </summary>
public sealed class SentenceEmbeddings(IEmbeddingGenerator<string, Embedding<float>> generator, IOptions<SemanticOptions> options)
{
    // Passage sentences come back question after question (the same articles answer most questions), and embedding
    // them is most of the cost of a semantic check; the bound keeps a long-running host's memory flat.
    public const int CacheLimit = 20_000;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<float>> _cache = new(StringComparer.Ordinal);

    private readonly Lazy<SemanticThresholds?> _thresholds = new(() =>
    {
        var model = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        return model is not null && options.Value.Models.TryGetValue(model, out var thresholds) ? thresholds : null;
    });

    /// <summary>The thresholds for the configured generator, or null when its cosines are not to be read as meaning.</summary>
    public SemanticThresholds? Thresholds => _thresholds.Value;

    /// <summary>Embeddings of the texts, in order; repeated texts are embedded once.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (_cache.TryGetValue(text, out var cached))
            {
                found[text] = cached;
            }
        }
        var missing = texts.Where(text => !found.ContainsKey(text)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            // The local model runs one inference per thread; two halves side by side use both cores.
            var halves = await Task.WhenAll(missing.Chunk((missing.Count + 1) / 2)
                .Select(half => Task.Run(() => generator.GenerateAsync(half, cancellationToken: cancellationToken), cancellationToken)));
            var embeddings = halves.SelectMany(half => half).ToList();
            if (_cache.Count + missing.Count > CacheLimit)
            {
                _cache.Clear();
            }
            foreach (var (text, embedding) in missing.Zip(embeddings))
            {
                found[text] = _cache[text] = embedding.Vector;
            }
        }
        return texts.Select(text => found[text]).ToList();
    }

    public static double Cosine(ReadOnlyMemory<float> left, ReadOnlyMemory<float> right) =>
        TensorPrimitives.CosineSimilarity(left.Span, right.Span);
}
