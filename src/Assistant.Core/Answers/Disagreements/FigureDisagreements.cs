using Assistant.Core.Answers.Verification;
using Assistant.Core.Text.Analysis;

namespace Assistant.Core.Answers.Disagreements;

/// <summary>
/// Finds where the retrieved passages state different figures for what an answer sentence states: a sentence of
/// another current article (superseded ones are known to be old) with the same unit, a different value and nearly
/// the same other words ("request a full refund ... within 14 days" against "... within 365 days"). Help centers
/// legitimately give different figures for different things (plans, annual vs first purchase), so a sentence that
/// lists several values of a unit is not compared, and the words around the figure must match closely (measured on
/// knowledge/ and the golden set: no disagreement reported there). Only trusted text counts.
/// </summary>
public static class FigureDisagreements
{
    private const double SameSubject = 0.6;
    private const int MinimumSharedTerms = 3;

    public static IReadOnlyList<Disagreement> Find(EnglishAnalyzer analyzer, IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<Passage> passages)
    {
        var evidence = passages
            .Where(passage => !passage.Hit.Superseded)
            .SelectMany(passage => EvidenceUnits.Of(passage.TrustedText).Select(unit => (Passage: passage, Text: passage.TrustedText[unit].Trim())))
            .Select(unit => (unit.Passage, unit.Text, Figures: Single(Figure.In(unit.Text)), Terms: SubjectTerms(analyzer, unit.Text)))
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
            var terms = SubjectTerms(analyzer, sentence.Text);
            foreach (var figure in Single(Figure.In(sentence.Text)))
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

    private static HashSet<string> SubjectTerms(EnglishAnalyzer analyzer, string text) =>
        analyzer.Analyze(text).Where(term => !char.IsDigit(term[0])).ToHashSet(StringComparer.Ordinal);

    // Jaccard over the words besides the figures: both sentences must be about the same thing, not merely related.
    private static bool SameThing(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        return shared >= MinimumSharedTerms && (double)shared / (a.Count + b.Count - shared) >= SameSubject;
    }

    /// <summary>The figures whose unit appears once in the sentence: "Free 7 days, Starter 30 days" compares nothing.</summary>
    private static List<Figure> Single(IReadOnlyList<Figure> figures) =>
        figures.GroupBy(figure => figure.Unit).Where(group => group.Count() == 1).Select(group => group.First()).ToList();
}
