using Assistant.Core.Embeddings;
using Assistant.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>
/// Gives every chunk a vector: reused from the store when identical text was embedded before (unchanged sections of
/// an edited file, renamed files), generated otherwise, in parallel batches.
/// </summary>
public sealed class ChunkEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, IKnowledgeStore store, IOptions<EmbeddingOptions> options)
{

    public string ModelId { get; } = ModelIdOf(generator);

    public static string ModelIdOf(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName ?? "unknown"}:{metadata?.DefaultModelId ?? "default"}";
    }

    public async Task<(List<ChunkRecord> Chunks, int Embedded, int Reused)> EmbedAsync(
        IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        var known = await store.GetVectorsByContentHashAsync(
            chunks.Select(chunk => chunk.ContentHash).Distinct().ToList(), ModelId, cancellationToken);
        var missing = chunks.Where(chunk => !known.ContainsKey(chunk.ContentHash)).DistinctBy(chunk => chunk.ContentHash).ToList();

        var fresh = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        var batches = missing.Chunk(options.Value.BatchSize).ToList();
        var results = new ReadOnlyMemory<float>[batches.Count][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var embeddings = await generator.GenerateAsync(batches[index].Select(ChunkBuilder.EmbeddingInput), cancellationToken: token);
                results[index] = embeddings.Select(embedding => embedding.Vector).ToArray();
            });
        for (var b = 0; b < batches.Count; b++)
        {
            for (var i = 0; i < batches[b].Length; i++)
            {
                fresh[batches[b][i].ContentHash] = results[b][i];
            }
        }

        var embedded = chunks
            .Select(chunk => chunk with { Vector = known.TryGetValue(chunk.ContentHash, out var vector) ? vector : fresh[chunk.ContentHash] })
            .ToList();
        return (embedded, fresh.Count, chunks.Count - fresh.Count);
    }
}
