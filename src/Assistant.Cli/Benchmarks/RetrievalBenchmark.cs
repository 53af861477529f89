using System.Diagnostics;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Retrieval;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// Ingests a BEIR corpus through the product's own pipeline into a fresh SQLite file, runs the judged queries and
/// scores the ranking, beside keyword-only, vector-only and SQLite FTS5 rankings of the same chunks.
/// </summary>
internal sealed class RetrievalBenchmark(IHost host, BeirDataset dataset, string split)
{
    private const int K = 10;

    public async Task<RetrievalBenchmarkResult> RunAsync(
        Func<Func<IProgress<IngestionProgress>, Task<IngestionReport>>, Task<IngestionReport>> showProgress, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var source = new BeirCorpusSource(dataset.CorpusPath);
        var report = await showProgress(progress => knowledge.IngestAsync(source, progress, cancellationToken));
        var backfill = services.GetRequiredService<VectorBackfill>();
        var embeddingClock = Stopwatch.StartNew();
        var embedding = await EmbeddingProgressPrinter.RunAsync(progress => backfill.RunAsync(progress, cancellationToken));
        var embeddingSeconds = embeddingClock.Elapsed.TotalSeconds;

        var settings = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var retriever = services.GetRequiredService<HybridRetriever>();
        var snapshot = services.GetRequiredService<KnowledgeIndex>().Current;

        var systems = new List<SystemResult> { await MeasureProductAsync(retriever, settings, cancellationToken) };
        var vectorHits = await VectorHitsAsync(retriever, snapshot, settings, cancellationToken);
        systems.Add(Measure("keyword only (BM25)", snapshot, Variant(settings, keywordWeight: 1), vectorHits));
        systems.Add(Measure($"vector only ({embedding.Model}, timing covers fusion only: the query embedding and vector search ran beforehand)", snapshot, Variant(settings, keywordWeight: 0), vectorHits));
        systems.Add(await MeasureFts5Async(services.GetRequiredService<IKnowledgeStore>(), settings, cancellationToken));

        var chunking = services.GetRequiredService<IOptions<ChunkingOptions>>().Value;
        return new RetrievalBenchmarkResult(
            dataset.Name, split, dataset.Queries.Count, DateTimeOffset.UtcNow,
            $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            new IngestResult(Math.Round(report.Elapsed.TotalSeconds, 2), Math.Round((report.Added + report.Updated) / report.Elapsed.TotalSeconds, 1),
                snapshot.DocumentCount, snapshot.Chunks.Count, report.Skipped.Count,
                Math.Round(embeddingSeconds, 2), Math.Round(snapshot.Chunks.Count / Math.Max(embeddingSeconds, 1e-3), 1), embedding.Model),
            systems,
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1),
            new Dictionary<string, object>
            {
                ["k1"] = settings.K1, ["b"] = settings.B, ["titleWeight"] = settings.TitleWeight, ["fusion"] = settings.Fusion.ToString(),
                ["keywordWeight"] = settings.KeywordWeight, ["candidates"] = settings.Candidates,
                ["chunkTargetTokens"] = chunking.TargetTokens, ["chunkOverlapTokens"] = chunking.OverlapTokens,
                ["embeddingModel"] = embedding.Model,
            });
    }

    /// <summary>The product path end to end (query analysis, query embedding, both searches, fusion), timed per query: the P95 includes the query embedding.</summary>
    private async Task<SystemResult> MeasureProductAsync(HybridRetriever retriever, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        // One untimed pass first: the figures are steady-state latency, after the JIT has tiered up the hot path.
        foreach (var (_, text) in dataset.Queries)
        {
            await retriever.SearchAsync(new SearchRequest(text, settings.Candidates), cancellationToken);
        }
        var timings = new List<double>();
        var scores = new List<IrMetrics.Scores>();
        foreach (var (id, text) in dataset.Queries)
        {
            var clock = Stopwatch.StartNew();
            var response = await retriever.SearchAsync(new SearchRequest(text, settings.Candidates), cancellationToken);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            scores.Add(IrMetrics.Evaluate(id, Documents(response.Hits), dataset.Qrels[id], K));
        }
        var name = $"assistant hybrid ({settings.Fusion.ToString().ToLowerInvariant()} fusion, keyword weight {settings.KeywordWeight})";
        return Summarise(name, scores, timings);
    }

    /// <summary>Each query's vector ranking, computed once (untimed) so the single-retriever rows compare rankings on equal terms.</summary>
    private async Task<Dictionary<string, List<(int Index, float Score)>>> VectorHitsAsync(
        HybridRetriever retriever, IndexSnapshot snapshot, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        var hits = new Dictionary<string, List<(int Index, float Score)>>();
        foreach (var (id, text) in dataset.Queries)
        {
            hits[id] = await retriever.SearchVectorsAsync(snapshot, text, settings.Candidates, ChunkFilter.None, cancellationToken);
        }
        return hits;
    }

    private SystemResult Measure(string name, IndexSnapshot snapshot, RetrievalOptions settings, IReadOnlyDictionary<string, List<(int Index, float Score)>> vectors)
    {
        var analyzer = host.Services.GetRequiredService<EnglishAnalyzer>();
        foreach (var (id, text) in dataset.Queries)
        {
            HybridRetriever.Rank(snapshot, settings, analyzer, text, vectors[id], settings.Candidates, ChunkFilter.None);
        }
        var timings = new List<double>();
        var scores = new List<IrMetrics.Scores>();
        foreach (var (id, text) in dataset.Queries)
        {
            var clock = Stopwatch.StartNew();
            var hits = HybridRetriever.Rank(snapshot, settings, analyzer, text, vectors[id], settings.Candidates, ChunkFilter.None);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            scores.Add(IrMetrics.Evaluate(id, Documents(hits), dataset.Qrels[id], K));
        }
        return Summarise(name, scores, timings);
    }

    private async Task<SystemResult> MeasureFts5Async(IKnowledgeStore store, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        var chunks = await store.LoadAllChunksAsync(cancellationToken);
        using var peer = Fts5Peer.Build(chunks, settings.TitleWeight);
        foreach (var (_, text) in dataset.Queries)
        {
            peer.Search(text, settings.Candidates);
        }
        var timings = new List<double>();
        var scores = new List<IrMetrics.Scores>();
        foreach (var (id, text) in dataset.Queries)
        {
            var (documents, milliseconds) = peer.Search(text, settings.Candidates);
            timings.Add(milliseconds);
            scores.Add(IrMetrics.Evaluate(id, documents, dataset.Qrels[id], K));
        }
        return Summarise("SQLite FTS5 bm25() (porter)", scores, timings);
    }

    // A document ranks by its best chunk; hits arrive best first, so the first occurrence wins.
    private static List<string> Documents(IEnumerable<SearchHit> hits) => hits.Select(hit => hit.DocumentId).Distinct(StringComparer.Ordinal).ToList();

    private static SystemResult Summarise(string name, List<IrMetrics.Scores> scores, List<double> timings) => new(
        name,
        Math.Round(scores.Average(s => s.Ndcg), 4),
        Math.Round(scores.Average(s => s.Recall), 4),
        Math.Round(scores.Average(s => s.Mrr), 4),
        LatencyStats.Of(timings));

    internal static RetrievalOptions Variant(RetrievalOptions settings, double? keywordWeight = null, FusionMethod? fusion = null) => new()
    {
        K1 = settings.K1,
        B = settings.B,
        TitleWeight = settings.TitleWeight,
        Fusion = fusion ?? settings.Fusion,
        KeywordWeight = keywordWeight ?? settings.KeywordWeight,
        RrfK = settings.RrfK,
        SupersededWeight = settings.SupersededWeight,
        Candidates = settings.Candidates,
        DefaultTop = settings.DefaultTop,
        MaxTop = settings.MaxTop,
    };
}
