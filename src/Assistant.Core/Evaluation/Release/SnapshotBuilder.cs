using System.Text.Json;
using Assistant.Core.Evaluation.RedTeam;

namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// Turns a golden-set run and a red-team run into a <see cref="ReleaseSnapshot"/>, and several repeated runs into one
/// (the mean per metric, with its interval).
/// </summary>
public static class SnapshotBuilder
{
    public const string CostPerSuccessfulAnswer = "cost.costPerSuccessfulAnswer";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static ReleaseSnapshot From(string name, string generator, string settings, IReadOnlyList<GoldenCase> cases,
        IReadOnlyList<CaseResult> results, IReadOnlyList<RedTeamCaseResult>? redTeam)
    {
        var splits = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var split in AnswerEvaluator.ScoreSplits(cases, results))
        {
            var ids = cases.Where(c => split.Split == ReleaseSnapshot.All || c.Split == split.Split).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var metrics = Flatten("answers", split.Metrics);
            metrics[CostPerSuccessfulAnswer] = CostPerSuccess(results.Where(r => ids.Contains(r.Id)).ToList());
            if (split.Split == ReleaseSnapshot.All && redTeam is not null)
            {
                // Red-team cases have no dev / held-out split: they are all tuned against, so they count once, in "all".
                foreach (var (key, value) in Flatten("redteam", RedTeamReport.Score(redTeam)))
                {
                    metrics[key] = value;
                }
            }
            splits[split.Split] = metrics;
        }
        var signals = results.ToDictionary(r => r.Id, Signals, StringComparer.Ordinal);
        foreach (var result in redTeam ?? [])
        {
            signals[$"redteam:{result.Id}"] = new Dictionary<string, string> { ["passed"] = result.Passed ? "yes" : "no" };
        }
        return new ReleaseSnapshot(name, generator, settings, DateTimeOffset.UtcNow, 1, splits, null, signals);
    }

    /// <summary>The mean of every metric over the runs and its 95 % interval; case signals are the first run's.</summary>
    public static ReleaseSnapshot Combine(IReadOnlyList<ReleaseSnapshot> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0];
        }
        var means = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        var intervals = new Dictionary<string, IReadOnlyDictionary<string, MetricInterval>>();
        foreach (var split in runs[0].Splits.Keys)
        {
            var perMetric = runs[0].Splits[split].Keys.ToDictionary(key => key, key => MetricInterval.Of(runs.Select(r => r.Value(split, key) ?? 0).ToList()));
            intervals[split] = perMetric;
            means[split] = perMetric.ToDictionary(p => p.Key, p => p.Value.Mean);
        }
        return runs[0] with { Runs = runs.Count, Splits = means, Intervals = intervals };
    }

    /// <summary>Model cost over answers that should have been given and were (a decline is not a success).</summary>
    private static double CostPerSuccess(IReadOnlyList<CaseResult> results)
    {
        var successes = results.Count(r => !r.Declined && r.Type != "unanswerable");
        return successes == 0 ? 0 : Math.Round(results.Sum(r => r.Cost) / successes, 8);
    }

    private static Dictionary<string, double> Flatten(string section, object metrics) =>
        JsonSerializer.SerializeToElement(metrics, metrics.GetType(), Web).EnumerateObject()
            .ToDictionary(p => $"{section}.{p.Name}", p => p.Value.GetDouble(), StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string> Signals(CaseResult result) => new Dictionary<string, string>
    {
        ["outcome"] = result.Outcome,
        ["retrievalHit"] = result.RetrievalHit ? "yes" : "no",
        ["facts"] = $"{result.FactsFound}/{result.FactsExpected}",
        ["supportedCitations"] = $"{result.SupportedCitations}/{result.Citations}",
        ["cited"] = string.Join(" ", result.CitedArticles.Order(StringComparer.Ordinal)),
        ["forbidden"] = result.ForbiddenFound.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
