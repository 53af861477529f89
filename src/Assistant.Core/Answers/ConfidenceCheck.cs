using Assistant.Core.Budgets;
using Assistant.Core.Answers.Semantic;
using Assistant.Core.Retrieval;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Answers;

/// <summary>
/// Decides whether the knowledge base holds the answer before anything is generated. Lexical coverage
/// (<see cref="RetrievalConfidence"/>) decides alone unless the embedding model has semantic thresholds
/// (<see cref="SemanticOptions"/>); then the sentence model also weighs in where words mislead: a paraphrased question
/// whose words the passages lack but whose meaning one of their sentences states is answered, and a near-miss that
/// shares words but no meaning with the passages ("Is there a dark mode in the web app?") is declined.
/// </summary>
public sealed class ConfidenceCheck(
    KnowledgeIndex index, EnglishAnalyzer analyzer, SemanticConfidence semantic, SentenceEmbeddings embeddings, IOptions<AnswerOptions> options)
{
    /// <param name="minimumCoverage">The answering version's floor; null uses Assistant:Answers:MinimumCoverage.</param>
    public async Task<ConfidenceAssessment> AssessAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken,
        double? minimumCoverage = null)
    {
        var floor = minimumCoverage ?? options.Value.MinimumCoverage;
        var hits = passages.Select(passage => passage.Hit).ToList();
        var keyword = index.Current.Keyword;
        var lexical = RetrievalConfidence.Assess(analyzer, question, hits, keyword);
        var thresholds = embeddings.Thresholds;
        // Coverage this high leaves no room for the combined threshold (similarities are at most 1 and, between a
        // question and a passage sharing most of its words, never negative), so the model need not run.
        if (hits.Count == 0 || thresholds is null || lexical.Value >= thresholds.MinimumCombined)
        {
            return new ConfidenceAssessment(lexical, hits.Count > 0 && lexical.Value >= floor);
        }

        SemanticFindings findings;
        try
        {
            findings = await semantic.FindAsync(question, passages, cancellationToken);
        }
        catch (BudgetExceededException)
        {
            // A hosted embedding model past its budget: words alone decide, as they do for a model without thresholds.
            return new ConfidenceAssessment(lexical, lexical.Value >= floor);
        }
        var confidence = lexical;
        if (findings.QuestionSimilarity >= thresholds.QuestionSimilarity)
        {
            var saidOtherwise = findings.WordSimilarities
                .Select(words => (IReadOnlySet<string>)words.Where(word => word.Value >= thresholds.WordSimilarity).Select(word => word.Key).ToHashSet(StringComparer.Ordinal))
                .ToList();
            confidence = RetrievalConfidence.Assess(analyzer, question, hits, keyword, saidOtherwise);
        }
        var combined = confidence.Value + findings.QuestionSimilarity;
        var reason = $"{confidence.Reason} The closest passage sentence is {findings.QuestionSimilarity:0.00} similar to the question"
            + (combined < thresholds.MinimumCombined ? ", too far in meaning to answer from." : ".");
        return new ConfidenceAssessment(new Confidence(confidence.Value, reason),
            confidence.Value >= floor && combined >= thresholds.MinimumCombined);
    }
}
