using Assistant.Core.Insights.Data;
using Assistant.Core.Text.Analysis;

namespace Assistant.Core.Insights.Gaps;

/// <summary>
/// Groups declined and thumbs-down questions by their analyzed terms: a question joins the first group whose founding
/// question shares at least <see cref="MinOverlap"/> of their terms (Jaccard), otherwise it founds a group. Comparing
/// with the founder, not the growing group, keeps chains of loosely related questions from merging into one blob.
/// </summary>
public sealed class ContentGapFinder(EnglishAnalyzer analyzer)
{
    public const double MinOverlap = 0.5;
    private const int ExamplesShown = 3;
    private const int ArticlesShown = 3;
    private const int TermsShown = 5;

    public IReadOnlyList<ContentGap> Find(InsightsWindow window, int limit)
    {
        var groups = new List<(HashSet<string> Founder, List<(AnswerFact Answer, List<string> Terms)> Members)>();
        foreach (var answer in window.Questions.Where(q => q.IsDeclined || window.IsMarkedWrong(q)))
        {
            var terms = analyzer.Analyze(answer.Question);
            var set = terms.ToHashSet(StringComparer.Ordinal);
            var group = groups.FirstOrDefault(g => Jaccard(g.Founder, set) >= MinOverlap);
            if (group.Founder is null)
            {
                groups.Add((set, [(answer, terms)]));
            }
            else
            {
                group.Members.Add((answer, terms));
            }
        }
        return groups
            .Select(g => Describe(window, g.Members))
            .OrderByDescending(gap => gap.Count).ThenBy(gap => gap.Question, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private static ContentGap Describe(InsightsWindow window, List<(AnswerFact Answer, List<string> Terms)> members)
    {
        var questions = members.Select(m => m.Answer.Question.Trim())
            .GroupBy(q => q, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        return new ContentGap(
            questions[0],
            members.Count,
            members.Count(m => m.Answer.IsDeclined),
            members.Count(m => window.IsMarkedWrong(m.Answer)),
            members.SelectMany(m => m.Terms.Distinct()).GroupBy(t => t)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TermsShown).Select(g => g.Key).ToList(),
            questions.Skip(1).Take(ExamplesShown).ToList(),
            members.SelectMany(m => m.Answer.Documents.Take(ArticlesShown)).GroupBy(d => d, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(ArticlesShown)
                .Select(g => new GapArticle(g.Key, g.Count())).ToList());
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }
}
