using Microsoft.Extensions.AI;

namespace Assistant.Core.Tests.Support;

/// <summary>
/// The real hashing generator, counting the passages it embeds (a passage's embedding input always starts with its
/// title on a line of its own) and, apart, the other texts (queries). Optionally fails once a number of passages were embedded, to stop a
/// backfill part-way as a crash would.
/// </summary>
public sealed class CountingEmbeddingGenerator(int dimensions = 512, int? failAfterPassages = null)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(new Core.Embeddings.HashingEmbeddingGenerator(dimensions, new Core.Text.Analysis.EnglishAnalyzer()))
{
    private int _passages;
    private int _queries;

    public int Passages => Volatile.Read(ref _passages);

    public int Queries => Volatile.Read(ref _queries);

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var passages = texts.Count(text => text.Contains('\n'));
        if (failAfterPassages is { } limit && Passages + passages > limit)
        {
            throw new IOException("The embedding service went away.");
        }
        Interlocked.Add(ref _passages, passages);
        Interlocked.Add(ref _queries, texts.Count - passages);
        return base.GenerateAsync(texts, options, cancellationToken);
    }
}
