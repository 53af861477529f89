using System.Diagnostics;
using Assistant.Core.Budgets;
using Assistant.Core.Embeddings;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Retrieval.Fusion;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Keyword (BM25) ranking over the current snapshot and vector ranking from the vector store, fused into one ranking.
/// Vectors come only through the <see cref="VectorStoreCollection{TKey,TRecord}"/> abstraction, so the embedded store
/// and Qdrant are interchangeable; hits join the snapshot's chunks by chunk id. Chunks without a vector yet (the
/// backfill is still running) are found by keyword alone. Each hit keeps both retrievers' scores and ranks so traces
/// and evaluations can see why it ranked where it did.
/// </summary>
public sealed class HybridRetriever(
    KnowledgeIndex index,
    EnglishAnalyzer analyzer,
    [FromKeyedServices(QueryEmbeddings.Key)] IEmbeddingGenerator<string, Embedding<float>> embeddings,
    VectorStoreCollection<Guid, ChunkVector> vectors,
    VectorBackfill backfill,
    IOptions<RetrievalOptions> options)
{
    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var settings = options.Value;
        var snapshot = index.Current;
        var filter = request.Filter ?? ChunkFilter.None;
        var vectorHits = settings.KeywordWeight < 1
            ? await SearchVectorsAsync(snapshot, request.Query, Math.Max(settings.Candidates, request.Top), filter, cancellationToken)
            : [];
        var hits = Rank(snapshot, settings, analyzer, request.Query, vectorHits, request.Top, filter);
        return new SearchResponse(request.Query, hits, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// The vector store's ranking as (snapshot position, cosine) pairs: the query is embedded and searched with the
    /// filter translated for the store. A vector computed from a chunk's older text, or for a chunk the snapshot no
    /// longer holds, is left out.
    /// </summary>
    public async Task<List<(int Index, float Score)>> SearchVectorsAsync(
        IndexSnapshot snapshot, string query, int candidates, ChunkFilter filter, CancellationToken cancellationToken = default)
    {
        if (snapshot.Chunks.Count == 0 || !await backfill.IsSearchableAsync(cancellationToken))
        {
            return [];
        }
        ReadOnlyMemory<float> queryVector;
        try
        {
            queryVector = await embeddings.GenerateVectorAsync(query, cancellationToken: cancellationToken);
        }
        catch (BudgetExceededException)
        {
            // The embedding budget is spent: the keyword ranking alone answers, as it does before vectors exist.
            return [];
        }
        var search = new VectorSearchOptions<ChunkVector> { Filter = ChunkVectorFilter.From(filter) };
        var hits = new List<(int, float)>(candidates);
        await foreach (var result in vectors.SearchAsync(queryVector, candidates, search, cancellationToken))
        {
            if (snapshot.IndexOf(result.Record.ChunkId) is { } position && snapshot.Chunks[position].ContentHash == result.Record.ContentHash)
            {
                hits.Add((position, (float)(result.Score ?? 0)));
            }
        }
        return hits;
    }

    /// <summary>The fusion itself, over an explicit snapshot, settings and vector ranking, so benchmarks can compare settings on one index.</summary>
    public static IReadOnlyList<SearchHit> Rank(
        IndexSnapshot snapshot, RetrievalOptions settings, EnglishAnalyzer analyzer, string query, IReadOnlyList<(int Index, float Score)> vectorHits, int top, ChunkFilter filter)
    {
        Func<int, bool>? accept = filter.IsEmpty ? null : i => filter.Matches(snapshot.Chunks[i]);
        var candidates = Math.Max(settings.Candidates, top);
        var keywordHits = settings.KeywordWeight > 0
            ? snapshot.Keyword.Search(analyzer.Analyze(query), candidates, accept)
            : [];
        if (settings.KeywordWeight >= 1)
        {
            vectorHits = [];
        }

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

    private static Dictionary<int, (float Score, int Rank)> Ranked(IReadOnlyList<(int Index, float Score)> hits)
    {
        var ranked = new Dictionary<int, (float, int)>(hits.Count);
        for (var rank = 0; rank < hits.Count; rank++)
        {
            ranked[hits[rank].Index] = (hits[rank].Score, rank + 1);
        }
        return ranked;
    }
}
