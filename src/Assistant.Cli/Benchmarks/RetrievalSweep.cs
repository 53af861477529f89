using Assistant.Core.Retrieval;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Storage;
using Spectre.Console;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// Grid search over BM25 and fusion settings on one split (use the train split, then confirm once on test), so the
/// shipped defaults are chosen by measurement without fitting the test queries.
/// </summary>
internal static class RetrievalSweep
{
    public static async Task RunAsync(IKnowledgeStore store, HybridRetriever retriever, KnowledgeIndex index, EnglishAnalyzer analyzer, BeirDataset dataset, CancellationToken cancellationToken)
    {
        var chunks = await store.LoadAllChunksAsync(cancellationToken);
        // Vector rankings do not depend on the BM25 settings: one per query, joined to each rebuilt snapshot by chunk id.
        var served = index.Current;
        var vectorHits = new Dictionary<string, List<(string ChunkId, float Score)>>();
        foreach (var (id, text) in dataset.Queries)
        {
            vectorHits[id] = (await retriever.SearchVectorsAsync(served, text, 100, ChunkFilter.None, cancellationToken))
                .Select(hit => (served.Chunks[hit.Index].Id, hit.Score)).ToList();
        }

        var results = new List<(string Settings, double Ndcg)>();
        foreach (var k1 in new[] { 0.9, 1.2 })
        foreach (var b in new[] { 0.4, 0.75 })
        foreach (var titleWeight in new[] { 1.0, 2.0 })
        {
            var baseline = new RetrievalOptions { K1 = k1, B = b, TitleWeight = titleWeight };
            var snapshot = IndexSnapshot.Build(chunks, baseline);
            var vectors = vectorHits.ToDictionary(pair => pair.Key, pair => pair.Value.Select(hit => (snapshot.IndexOf(hit.ChunkId)!.Value, hit.Score)).ToList());
            foreach (var fusion in new[] { FusionMethod.Weighted, FusionMethod.Rrf })
            foreach (var keywordWeight in new[] { 1.0, 0.7, 0.6, 0.5, 0.4, 0.3 })
            {
                if (fusion == FusionMethod.Rrf && keywordWeight == 1.0)
                {
                    continue;
                }
                var settings = RetrievalBenchmark.Variant(baseline, keywordWeight, fusion);
                var ndcg = dataset.Queries.Average(query =>
                {
                    var hits = HybridRetriever.Rank(snapshot, settings, analyzer, query.Text, vectors[query.Id], settings.Candidates, ChunkFilter.None);
                    var documents = hits.Select(hit => hit.DocumentId).Distinct(StringComparer.Ordinal).ToList();
                    return IrMetrics.Evaluate(query.Id, documents, dataset.Qrels[query.Id], 10).Ndcg;
                });
                results.Add(($"k1={k1} b={b} title={titleWeight} fusion={fusion} keyword={keywordWeight}", ndcg));
            }
            AnsiConsole.MarkupLine($"[grey]k1={k1} b={b} title={titleWeight}: best so far {results.Max(r => r.Ndcg):F4}[/]");
        }

        var table = new Table().AddColumn("settings").AddColumn("nDCG@10");
        foreach (var (settings, ndcg) in results.OrderByDescending(r => r.Ndcg).Take(15))
        {
            table.AddRow(settings, ndcg.ToString("F4"));
        }
        AnsiConsole.Write(table);
    }
}
