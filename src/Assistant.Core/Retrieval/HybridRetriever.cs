using System.Diagnostics;
using Assistant.Core.Retrieval.Analysis;
using Assistant.Core.Retrieval.Fusion;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Keyword (BM25) and vector retrieval over the current snapshot, fused into one ranking. Each hit keeps both
/// retrievers' scores and ranks so traces and evaluations can see why it ranked where it did.
/// </summary>
public sealed class HybridRetriever(
    KnowledgeIndex index,
    EnglishAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<RetrievalOptions> options)
{
    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var settings = options.Value;
        var snapshot = index.Current;
        var queryVector = settings.KeywordWeight < 1 && snapshot.Chunks.Count > 0
            ? await embeddings.GenerateVectorAsync(request.Query, cancellationToken: cancellationToken)
            : ReadOnlyMemory<float>.Empty;
        var hits = Rank(snapshot, settings, analyzer, request.Query, queryVector, request.Top, request.Filter ?? ChunkFilter.None);
        return new SearchResponse(request.Query, hits, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The ranking itself, over an explicit snapshot and settings, so benchmarks can compare settings on one index.</summary>
    public static IReadOnlyList<SearchHit> Rank(
        IndexSnapshot snapshot, RetrievalOptions settings, EnglishAnalyzer analyzer, string query, ReadOnlyMemory<float> queryVector, int top, ChunkFilter filter)
    {
        Func<int, bool>? accept = filter.IsEmpty ? null : i => filter.Matches(snapshot.Chunks[i]);
        var candidates = Math.Max(settings.Candidates, top);
        var keywordHits = settings.KeywordWeight > 0
            ? snapshot.Keyword.Search(analyzer.Analyze(query), candidates, accept)
            : [];
        var vectorHits = settings.KeywordWeight < 1 && !queryVector.IsEmpty
            ? snapshot.Vectors.Search(queryVector.Span, candidates, accept)
            : [];

        var fused = settings.Fusion == FusionMethod.Rrf
            ? RankFusion.Reciprocal(keywordHits, settings.KeywordWeight, vectorHits, 1 - settings.KeywordWeight, settings.RrfK)
            : RankFusion.Weighted(keywordHits, settings.KeywordWeight, vectorHits, 1 - settings.KeywordWeight);

        if (settings.SupersededWeight < 1)
        {
            foreach (var index in fused.Keys.Where(i => IsSuperseded(snapshot.Chunks[i])).ToList())
            {
                fused[index] *= settings.SupersededWeight;
            }
        }

        var keywordByIndex = Ranked(keywordHits);
        var vectorByIndex = Ranked(vectorHits);
        return fused
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(top)
            .Select(pair =>
            {
                var chunk = snapshot.Chunks[pair.Key];
                keywordByIndex.TryGetValue(pair.Key, out var keyword);
                vectorByIndex.TryGetValue(pair.Key, out var vector);
                return new SearchHit(
                    chunk.Id, chunk.DocumentId, chunk.Title, chunk.HeadingPath, chunk.SourcePath, chunk.Start, chunk.End,
                    chunk.Text, Math.Round(pair.Value, 6),
                    new RetrieverScores(keyword.Rank > 0 ? Math.Round(keyword.Score, 6) : null, keyword.Rank > 0 ? keyword.Rank : null,
                        vector.Rank > 0 ? Math.Round(vector.Score, 6) : null, vector.Rank > 0 ? vector.Rank : null))
                {
                    Flags = chunk.Flags,
                    Superseded = IsSuperseded(chunk),
                };
            })
            .ToList();
    }

    private static bool IsSuperseded(Storage.ChunkRecord chunk) =>
        chunk.Metadata.TryGetValue("status", out var status) && status.Contains("superseded", StringComparer.OrdinalIgnoreCase);

    private static Dictionary<int, (float Score, int Rank)> Ranked(List<(int Index, float Score)> hits)
    {
        var ranked = new Dictionary<int, (float, int)>(hits.Count);
        for (var rank = 0; rank < hits.Count; rank++)
        {
            ranked[hits[rank].Index] = (hits[rank].Score, rank + 1);
        }
        return ranked;
    }
}
