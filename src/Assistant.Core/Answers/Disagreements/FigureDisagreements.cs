using Assistant.Core.Answers.Verification;
using Assistant.Core.Retrieval.Analysis;

namespace Assistant.Core.Answers.Disagreements;

/// <summary>
/// Finds where the retrieved passages state different figures for what an answer sentence states: a sentence of
/// another current article (superseded ones are known to be old) with the same unit, a different value and mostly
/// the same words ("refunds ... within 14 days" against "refunds ... within 365 days"). Only trusted text counts.
/// The answer then shows every source's figure instead of the one the generator happened to pick.
/// </summary>
public static class FigureDisagreements
{
    private const double SameSubject = 0.6;
    private const int MinimumSharedTerms = 2;

    public static IReadOnlyList<Disagreement> Find(IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<Passage> passages)
    {
        var evidence = passages
            .Where(passage => !passage.Hit.Superseded)
            .SelectMany(passage => EvidenceUnits.Of(passage.TrustedText).Select(unit => (Passage: passage, Text: passage.TrustedText[unit].Trim())))
            .Select(unit => (unit.Passage, unit.Text, Figures: Figure.In(unit.Text), Terms: SubjectTerms(unit.Text)))
            .Where(unit => unit.Figures.Count > 0)
            .ToList();
        var found = new List<Disagreement>();
        foreach (var sentence in sentences.Where(s => s.Supported && s.Citations.Count > 0))
        {
            var cited = passages.FirstOrDefault(p => p.Number == sentence.Citations[0].Passage);
            if (cited is null || cited.Hit.Superseded)
            {
                continue;
            }
            var terms = SubjectTerms(sentence.Text);
            foreach (var figure in Figure.In(sentence.Text))
            {
                var others = evidence
                    .Where(unit => unit.Passage.Hit.DocumentId != cited.Hit.DocumentId && SameThing(terms, unit.Terms))
                    .SelectMany(unit => unit.Figures.Where(f => f.Unit == figure.Unit && f.Value != figure.Value).Take(1).Select(f => (unit.Passage, unit.Text, Figure: f)))
                    .DistinctBy(other => other.Passage.Hit.DocumentId)
                    .ToList();
                if (others.Count == 0 || found.Any(d => d.Unit == figure.Unit))
                {
                    continue;
                }
                var quote = sentence.Citations[0].Quote;
                found.Add(new Disagreement(figure.Unit,
                [
                    new SourceFigure(figure.Text, cited.Number, cited.Hit.DocumentId, cited.Hit.Title, quote),
                    .. others.Select(o => new SourceFigure(o.Figure.Text, o.Passage.Number, o.Passage.Hit.DocumentId, o.Passage.Hit.Title, o.Text)),
                ]));
            }
        }
        return found;
    }

    /// <summary>The sentence stating the disagreement; its citations name each source.</summary>
    public static string Describe(Disagreement disagreement) =>
        "The sources disagree on this: " +
        string.Join(", while ", disagreement.Sources.Select(source => $"\"{source.Title}\" says {source.Figure}")) +
        ". Check with support before relying on either.";

    private static HashSet<string> SubjectTerms(string text) =>
        EnglishAnalyzer.Shared.Analyze(text).Where(term => !char.IsDigit(term[0])).ToHashSet(StringComparer.Ordinal);

    private static bool SameThing(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        return shared >= MinimumSharedTerms && (double)shared / Math.Min(a.Count, b.Count) >= SameSubject;
    }
}
