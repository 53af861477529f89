using System.Numerics.Tensors;
using Assistant.Core.Embeddings;
using Assistant.Core.Text.Analysis;

namespace Assistant.Core.Answers.Verification;

/// <summary>How well one passage supports one sentence, and the quote that does it.</summary>
public sealed record SupportResult(double Score, Range Quote, IReadOnlyList<string> Problems);

/// <summary>
/// Scores support as 0.7 × lexical coverage (share of the sentence's content terms found in the passage) plus
/// 0.3 × vector similarity to the best quote (character n-gram embedding, which tolerates inflection and rephrasing).
/// A failed <see cref="ClaimChecks"/> check caps the score below any sensible threshold.
/// </summary>
public sealed class SupportScorer(EnglishAnalyzer analyzer)
{
    private const double LexicalWeight = 0.7;
    private const double FailedCheckCap = 0.25;

    // The offline embedding is used whatever the configured generator: verification must be local, fast and
    // deterministic, and run for every sentence of every answer.
    private readonly HashingEmbeddingGenerator _vectors = new(512, analyzer);

    public SupportResult Score(string sentence, string passage)
    {
        var sentenceTerms = analyzer.Analyze(sentence).ToHashSet(StringComparer.Ordinal);
        if (sentenceTerms.Count == 0)
        {
            return new SupportResult(0, new Range(0, 0), ["the sentence has no content words to verify"]);
        }
        var passageTerms = analyzer.Analyze(passage).ToHashSet(StringComparer.Ordinal);
        var lexical = (double)sentenceTerms.Count(passageTerms.Contains) / sentenceTerms.Count;

        var quote = BestQuote(passage, sentenceTerms);
        var quoteText = passage[quote];
        var vector = Math.Max(0, TensorPrimitives.Dot(_vectors.Embed(sentence), _vectors.Embed(quoteText)));
        var score = LexicalWeight * lexical + (1 - LexicalWeight) * vector;

        var problems = ClaimChecks.Check(sentence, passage, quoteText);
        if (problems.Count > 0)
        {
            score = Math.Min(score, FailedCheckCap);
        }
        return new SupportResult(Math.Round(score, 4), quote, problems);
    }

    private Range BestQuote(string passage, HashSet<string> sentenceTerms)
    {
        var best = new Range(0, passage.Length);
        var bestOverlap = -1;
        foreach (var unit in EvidenceUnits.Of(passage))
        {
            var overlap = analyzer.Analyze(passage.AsSpan()[unit]).Distinct().Count(sentenceTerms.Contains);
            if (overlap > bestOverlap)
            {
                (best, bestOverlap) = (unit, overlap);
            }
        }
        return best;
    }
}
