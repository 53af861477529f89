namespace Assistant.Core.Answers.Disagreements;

/// <summary>
/// Rewrites a verified answer so a disagreement cannot hide: a leading sentence says the sources disagree (cited to
/// each), and every source's own sentence is quoted with its citation, not just the one the generator chose.
/// </summary>
public static class DisagreementSentences
{
    public static IReadOnlyList<AnswerSentence> Apply(IReadOnlyList<AnswerSentence> kept, IReadOnlyList<Disagreement> disagreements, IReadOnlyList<Passage> passages)
    {
        if (disagreements.Count == 0)
        {
            return kept;
        }
        var leads = disagreements.Select(disagreement => new AnswerSentence(
            FigureDisagreements.Describe(disagreement),
            disagreement.Sources.Select(source => CitationOf(source, passages)).ToList(),
            Supported: true, Score: 1, Problems: []));
        var quoted = disagreements
            .SelectMany(disagreement => disagreement.Sources)
            .Where(source => !kept.Any(sentence => sentence.Citations.Any(c => c.Passage == source.Passage && c.Quote.Contains(source.Figure, StringComparison.Ordinal))))
            .DistinctBy(source => (source.Passage, source.Quote))
            .Select(source => new AnswerSentence(source.Quote, [CitationOf(source, passages)], Supported: true, Score: 1, Problems: []));
        return [.. leads, .. kept, .. quoted];
    }

    private static Citation CitationOf(SourceFigure source, IReadOnlyList<Passage> passages)
    {
        var passage = passages.First(p => p.Number == source.Passage);
        var start = Math.Max(0, passage.TrustedText.IndexOf(source.Quote, StringComparison.Ordinal));
        var end = Math.Min(passage.Text.Length, start + source.Quote.Length);
        return new Citation(passage.Number, passage.Hit.ChunkId, passage.Hit.DocumentId, passage.Hit.Title,
            start, end, passage.Hit.Start + start, passage.Hit.Start + end, passage.Text[start..end], 1);
    }
}
