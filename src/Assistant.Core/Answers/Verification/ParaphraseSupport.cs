using Assistant.Core.Budgets;
using Assistant.Core.Answers.Semantic;

namespace Assistant.Core.Answers.Verification;

/// <summary>
/// A second look at cited sentences that word overlap did not support: a model that restates "Support is provided in
/// English, German, French and Spanish" as "Tickets are answered in four languages: ..." shares few words with its
/// source yet says the same. Such a sentence counts as supported when one trusted sentence of a passage it cites is
/// close enough in meaning (<see cref="SemanticThresholds.SupportSimilarity"/>) and the hard claim checks still pass
/// against that sentence. Only when the embedding model has semantic thresholds; flagged text is blanked out of
/// <see cref="Passage.TrustedText"/>, so it can never be the supporting sentence.
/// </summary>
public sealed class ParaphraseSupport(SentenceEmbeddings embeddings)
{
    public async Task<IReadOnlyList<AnswerSentence>> ApplyAsync(IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var thresholds = embeddings.Thresholds;
        if (thresholds is null || sentences.All(sentence => sentence.Supported || sentence.Citations.Count == 0))
        {
            return sentences;
        }
        var result = new List<AnswerSentence>(sentences.Count);
        foreach (var sentence in sentences)
        {
            try
            {
                result.Add(sentence.Supported || sentence.Citations.Count == 0
                    ? sentence
                    : await RecheckAsync(sentence, passages, thresholds.SupportSimilarity, cancellationToken));
            }
            catch (BudgetExceededException)
            {
                // The embedding budget is spent: the sentence stays as word overlap judged it.
                result.Add(sentence);
            }
        }
        return result;
    }

    private async Task<AnswerSentence> RecheckAsync(AnswerSentence sentence, IReadOnlyList<Passage> passages, double threshold, CancellationToken cancellationToken)
    {
        var citations = new List<Citation>();
        foreach (var citation in sentence.Citations)
        {
            var passage = passages.First(p => p.Number == citation.Passage);
            var units = EvidenceUnits.Of(passage.TrustedText).Where(unit => passage.TrustedText[unit].Trim().Length > 0).ToList();
            var vectors = await embeddings.EmbedAsync([sentence.Text, .. units.Select(unit => passage.TrustedText[unit].Trim())], cancellationToken);
            var best = units.Select((unit, i) => (Unit: unit, Similarity: SentenceEmbeddings.Cosine(vectors[0], vectors[i + 1])))
                .Where(candidate => candidate.Similarity >= threshold)
                .Where(candidate => ClaimChecks.Check(sentence.Text, passage.TrustedText, passage.TrustedText[candidate.Unit]).Count == 0)
                .OrderByDescending(candidate => candidate.Similarity)
                .FirstOrDefault();
            citations.Add(best.Similarity > 0 ? Cite(passage, best.Unit, Math.Round(best.Similarity, 4)) : citation);
        }
        var supporting = citations.Where(c => !sentence.Citations.Contains(c)).ToList();
        return supporting.Count == 0
            ? sentence
            : sentence with
            {
                Citations = citations,
                Supported = true,
                Score = supporting.Max(c => c.Score),
                Problems = ["supported by a sentence of its source that says the same in other words"],
            };
    }

    private static Citation Cite(Passage passage, Range unit, double score)
    {
        var (start, end) = (unit.Start.Value, unit.End.Value);
        return new Citation(passage.Number, passage.Hit.ChunkId, passage.Hit.DocumentId, passage.Hit.Title,
            start, end, passage.Hit.Start + start, passage.Hit.Start + end, passage.TrustedText[start..end], score);
    }
}
