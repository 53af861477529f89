using Assistant.Core.Insights.Kpis;
using Assistant.Core.Text.Analysis;
using static Assistant.Core.Insights.Drift.DriftThresholds;

namespace Assistant.Core.Insights.Drift;

/// <summary>
/// Compares a period with its reference period: what people ask (the analyzed terms of their questions), how well
/// retrieval matches it (the best passage score of each answer) and how often the assistant declines.
/// </summary>
public sealed class DriftAnalyzer(EnglishAnalyzer analyzer)
{
    private const int Bins = 10;

    public DriftReport Analyze(InsightsWindow current, InsightsWindow reference, InsightsRange referenceRange) => new(
        referenceRange.From, referenceRange.To,
        [QueryMix(current, reference), TopScore(current, reference), Abstention(current, reference)],
        Histogram(TopScores(current), TopScores(reference)));

    /// <summary>JS divergence of the two periods' question terms; null when either has no terms.</summary>
    public double? QueryDivergence(InsightsWindow current, InsightsWindow reference) =>
        JensenShannon.Divergence(Terms(current), Terms(reference));

    public Dictionary<string, int> Terms(InsightsWindow window)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in window.Questions.SelectMany(q => analyzer.Analyze(q.Question)))
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return counts;
    }

    private DriftCheck QueryMix(InsightsWindow current, InsightsWindow reference)
    {
        var divergence = QueryDivergence(current, reference);
        var enough = current.Questions.Count() >= MinQuestions && reference.Questions.Count() >= MinQuestions;
        var status = divergence is not { } d || !enough ? KpiStatus.NoData
            : d >= QueryMixAlert ? KpiStatus.Alert : d >= QueryMixWatch ? KpiStatus.Watch : KpiStatus.Ok;
        return new DriftCheck(QueryMixId, "Query mix", divergence, 0, divergence is { } v ? $"{v:0.000} bits" : "no data", status,
            $"watch from {QueryMixWatch} bits, alert from {QueryMixAlert}; judged with at least {MinQuestions} questions in each period",
            "Jensen–Shannon divergence between the analyzed terms (stemmed, stop words dropped) of this period's questions and the reference period's.");
    }

    private static DriftCheck TopScore(InsightsWindow current, InsightsWindow reference)
    {
        var now = KpiFormulas.Percentile(TopScores(current), 0.5);
        var before = KpiFormulas.Percentile(TopScores(reference), 0.5);
        var drop = now is { } n && before is { } b && b > 0 ? (b - n) / b : (double?)null;
        var status = drop is not { } d ? KpiStatus.NoData
            : d >= TopScoreDropAlert ? KpiStatus.Alert : d >= TopScoreDropWatch ? KpiStatus.Watch : KpiStatus.Ok;
        return new DriftCheck(TopScoreId, "Top retrieval score", now, before,
            now is { } m ? $"median {m:0.###}" + (before is { } r ? $" (reference {r:0.###})" : "") : "no data", status,
            $"watch when the median falls {TopScoreDropWatch:P0} below the reference, alert at {TopScoreDropAlert:P0}",
            "Median over answers of the best passage score retrieval found; a fall means questions match the knowledge less well.");
    }

    private static DriftCheck Abstention(InsightsWindow current, InsightsWindow reference)
    {
        double? Rate(InsightsWindow window) => window.Questions.Count() is var n and > 0 ? window.Questions.Count(q => q.IsDeclined) / (double)n : null;
        var now = Rate(current);
        var before = Rate(reference);
        var rise = now - before;
        var status = rise is not { } r ? KpiStatus.NoData
            : r > AbstentionRiseAlert ? KpiStatus.Alert : r > AbstentionRiseWatch ? KpiStatus.Watch : KpiStatus.Ok;
        return new DriftCheck(AbstentionId, "Abstention rate", now, before,
            now is { } v ? KpiUnit.Percent(v) + (before is { } b ? $" (reference {KpiUnit.Percent(b)})" : "") : "no data", status,
            $"watch when it rises more than {AbstentionRiseWatch * 100:0} points above the reference, alert above {AbstentionRiseAlert * 100:0}",
            "Share of questions the assistant declined because the knowledge did not hold the answer or nothing survived verification.");
    }

    private static IEnumerable<double> TopScores(InsightsWindow window) =>
        window.Questions.Where(q => q.TopScore is not null).Select(q => q.TopScore!.Value);

    /// <summary>Ten equal bins from 0 to the highest score seen in either period.</summary>
    private static IReadOnlyList<ScoreBin> Histogram(IEnumerable<double> current, IEnumerable<double> reference)
    {
        var now = current.ToArray();
        var before = reference.ToArray();
        var top = now.Concat(before).DefaultIfEmpty(0).Max();
        if (top <= 0)
        {
            return [];
        }
        var width = top / Bins;
        int Bin(double score) => Math.Min(Bins - 1, (int)(score / width));
        return Enumerable.Range(0, Bins)
            .Select(i => new ScoreBin(i * width, (i + 1) * width, now.Count(s => Bin(s) == i), before.Count(s => Bin(s) == i)))
            .ToList();
    }
}
