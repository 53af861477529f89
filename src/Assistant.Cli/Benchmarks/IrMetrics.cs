namespace Assistant.Cli.Benchmarks;

/// <summary>
/// nDCG@k, Recall@k and MRR@k as BEIR computes them (pytrec_eval): graded gain = relevance, log2 discount, the ideal
/// ranking from the judged documents, and a result equal to the query id ignored (BEIR's ignore_identical_ids).
/// </summary>
internal static class IrMetrics
{
    public sealed record Scores(double Ndcg, double Recall, double Mrr);

    public static Scores Evaluate(string queryId, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        var results = ranked.Where(id => id != queryId).Take(k).ToList();
        double dcg = 0;
        double reciprocal = 0;
        var found = 0;
        for (var i = 0; i < results.Count; i++)
        {
            if (!judged.TryGetValue(results[i], out var relevance) || relevance <= 0)
            {
                continue;
            }
            dcg += relevance / Math.Log2(i + 2);
            found++;
            if (reciprocal == 0)
            {
                reciprocal = 1.0 / (i + 1);
            }
        }
        var ideal = judged.Values.Where(r => r > 0).OrderByDescending(r => r).Take(k).Select((r, i) => r / Math.Log2(i + 2)).Sum();
        var relevant = judged.Values.Count(r => r > 0);
        return new Scores(ideal > 0 ? dcg / ideal : 0, relevant > 0 ? (double)found / relevant : 0, reciprocal);
    }
}
