using Assistant.Core.Answers;
using Assistant.Core.Tracing;

namespace Assistant.Core.Evaluation;

/// <summary>
/// Runs golden cases through the same <see cref="AnswerService"/> users get (follow-ups turn by turn) and scores
/// the last turn of each: retrieval, citations, facts, forbidden content, declining, latency and tokens.
/// </summary>
public sealed class AnswerEvaluator(AnswerService answers, ITraceStore traces)
{
    public async Task<(EvaluationMetrics Metrics, IReadOnlyList<CaseResult> Results)> RunAsync(
        IReadOnlyList<GoldenCase> cases, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<CaseResult>();
        foreach (var golden in cases)
        {
            results.Add(await RunCaseAsync(golden, cancellationToken));
            progress?.Report(results.Count);
        }
        return (Score(cases, results), results);
    }

    private async Task<CaseResult> RunCaseAsync(GoldenCase golden, CancellationToken cancellationToken)
    {
        var previous = new List<string>();
        Answer? answer = null;
        foreach (var turn in golden.Turns)
        {
            answer = await answers.AnswerAsync(new AnswerRequest(turn, $"eval-{golden.Id}", previous.ToList(), PreviousAnswer: answer), cancellationToken);
            previous.Add(turn);
        }
        var trace = await traces.GetAsync(answer!.TraceId, cancellationToken)
            ?? throw new InvalidOperationException($"No trace was written for case {golden.Id}.");

        var citations = answer.Sentences.SelectMany(s => s.Citations.Select(c => (Sentence: s, Citation: c))).ToList();
        var cited = citations.Select(c => c.Citation.DocumentId).Distinct().ToList();
        var text = answer.Text;
        return new CaseResult(
            golden.Id, golden.Type, golden.Split, golden.Turns[^1], answer.Outcome.ToString(),
            Declined: answer.Outcome != AnswerOutcome.Answered,
            Confidence: answer.Confidence,
            ConfidenceReason: answer.ConfidenceReason,
            RetrievalHit: trace.Passages.Take(5).Any(p => golden.ExpectedArticles.Contains(p.DocumentId)),
            CitedArticles: cited,
            Citations: citations.Count,
            SupportedCitations: citations.Count(c => c.Sentence.Supported),
            FactsFound: golden.Facts.Count(fact => text.Contains(fact, StringComparison.OrdinalIgnoreCase)),
            FactsExpected: golden.Facts.Count,
            ForbiddenFound: (golden.Forbidden ?? []).Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList(),
            LatencyMs: trace.Latency.TotalMs,
            TokensIn: trace.TokensIn,
            TokensOut: trace.TokensOut,
            Answer: text,
            Cost: (double)trace.Cost);
    }

    /// <summary>The metrics over all cases, then over the dev and the held-out split on their own.</summary>
    public static IReadOnlyList<SplitMetrics> ScoreSplits(IReadOnlyList<GoldenCase> cases, IReadOnlyList<CaseResult> results) =>
        [
            new SplitMetrics("all", cases.Count, Score(cases, results)),
            .. new[] { GoldenCase.Dev, GoldenCase.HeldOut }.Select(split =>
            {
                var part = cases.Where(c => c.Split == split).ToList();
                var ids = part.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                return new SplitMetrics(split, part.Count, Score(part, results.Where(r => ids.Contains(r.Id)).ToList()));
            }),
        ];

    private static EvaluationMetrics Score(IReadOnlyList<GoldenCase> cases, IReadOnlyList<CaseResult> results)
    {
        if (results.Count == 0)
        {
            return new EvaluationMetrics(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        }
        var byId = cases.ToDictionary(c => c.Id);
        var answerable = results.Where(r => !byId[r.Id].ShouldDecline).ToList();
        var answered = answerable.Where(r => !r.Declined).ToList();
        var truePositives = results.Count(r => r.Declined && byId[r.Id].ShouldDecline);
        var declined = results.Count(r => r.Declined);
        var shouldDecline = results.Count(r => byId[r.Id].ShouldDecline);
        var latencies = results.Select(r => r.LatencyMs).Order().ToArray();

        return new EvaluationMetrics(
            RetrievalHitAt5: Ratio(answerable.Count(r => r.RetrievalHit), answerable.Count),
            CitationPrecision: Ratio(results.Sum(r => r.SupportedCitations), results.Sum(r => r.Citations)),
            // Recall of expected articles among the citations of answers given (a decline is scored by the decline metrics).
            CitationRecall: Ratio(answered.Sum(r => byId[r.Id].ExpectedArticles.Count(r.CitedArticles.Contains)), answered.Sum(r => byId[r.Id].ExpectedArticles.Count)),
            FactRecall: Ratio(answerable.Sum(r => r.FactsFound), answerable.Sum(r => r.FactsExpected)),
            DeclinePrecision: Ratio(truePositives, declined),
            DeclineRecall: Ratio(truePositives, shouldDecline),
            DeclineAccuracy: Ratio(results.Count(r => r.Declined == byId[r.Id].ShouldDecline), results.Count),
            ForbiddenRate: Ratio(results.Count(r => r.ForbiddenFound.Count > 0), results.Count),
            LatencyP50Ms: Percentile(latencies, 0.50),
            LatencyP95Ms: Percentile(latencies, 0.95),
            MeanTokensIn: Math.Round(results.Average(r => r.TokensIn), 1),
            MeanTokensOut: Math.Round(results.Average(r => r.TokensOut), 1));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : Math.Round((double)part / whole, 4);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
