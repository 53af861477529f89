namespace Assistant.Core.Answers.Verification;

/// <summary>
/// Checks every sentence of a generated answer against the passages it cites, at answer time. A marker that names a
/// passage that was not retrieved is removed (it cannot reach the user); a sentence without a usable marker is
/// checked against every passage and, if one supports it, cited to that one. Only a passage's trusted text counts as
/// support: a sentence flagged as speaking to the assistant can never verify a claim.
/// </summary>
public sealed class CitationVerifier(SupportScorer scorer)
{
    public IReadOnlyList<AnswerSentence> Verify(string answer, IReadOnlyList<Passage> passages, double threshold)
    {
        var verified = new List<AnswerSentence>();
        foreach (var draft in CitationMarkers.Parse(answer))
        {
            var problems = new List<string>();
            var cited = new List<Passage>();
            foreach (var marker in draft.Markers)
            {
                var passage = passages.FirstOrDefault(p => p.Number == marker);
                if (passage is null)
                {
                    problems.Add($"cited [{marker}], which is not one of the {passages.Count} retrieved passages");
                }
                else
                {
                    cited.Add(passage);
                }
            }

            var candidates = cited.Count > 0 ? cited : passages;
            var scored = candidates
                .Select(passage => (Passage: passage, Result: scorer.Score(draft.Text, passage.TrustedText)))
                .ToList();
            // Without a marker, only the single best passage may be credited, and only if it really supports the text.
            var kept = cited.Count > 0
                ? scored
                : scored.OrderByDescending(s => s.Result.Score).Take(1).Where(s => s.Result.Score >= threshold).ToList();
            if (cited.Count == 0)
            {
                problems.Add(kept.Count > 0 ? "had no citation; attributed to its best supporting passage" : "has no citation and no passage supports it");
            }

            var citations = kept.Select(s => ToCitation(s.Passage, s.Result)).ToList();
            var score = citations.Count == 0 ? 0 : citations.Max(c => c.Score);
            var supported = score >= threshold;
            if (!supported)
            {
                problems.AddRange(kept.SelectMany(s => s.Result.Problems).Distinct());
            }
            verified.Add(new AnswerSentence(draft.Text, citations, supported, score, problems));
        }
        return verified;
    }

    private static Citation ToCitation(Passage passage, SupportResult result)
    {
        var (start, end) = (result.Quote.Start.Value, result.Quote.End.Value);
        return new Citation(passage.Number, passage.Hit.ChunkId, passage.Hit.DocumentId, passage.Hit.Title,
            start, end, passage.Hit.Start + start, passage.Hit.Start + end, passage.TrustedText[start..end], result.Score);
    }
}
