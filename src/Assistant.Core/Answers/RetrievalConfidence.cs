using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Analysis;
using Assistant.Core.Retrieval.Keyword;

namespace Assistant.Core.Answers;

public sealed record Confidence(double Value, string Reason);

/// <summary>
/// How much of the question the best passages actually cover: the IDF-weighted share of its content terms found
/// in the top three passages. Rare terms weigh most, so "Do you integrate with Salesforce?" scores low when no
/// passage mentions Salesforce, however well "integrate" matches.
/// </summary>
public static class RetrievalConfidence
{
    private const int TopPassages = 3;

    // Words that shape a question without naming its subject. They are rare in help articles, so their IDF is high
    // and, left in, "How much is the Team plan?" would look like a question about something the articles lack.
    private static readonly HashSet<string> QuestionWords = new(
        EnglishAnalyzer.Shared.Analyze(
            "much many long get getting got need needs want wants like know tell please can could may might able possible " +
            "way ways happen happens thing things something anything someone anyone somebody help hi hello thanks thank " +
            "still really actually also even ever use using used make makes made go goes going see say says said " +
            "exactly currently anymore right sure ok okay"),
        StringComparer.Ordinal);

    public static Confidence Assess(string question, IReadOnlyList<SearchHit> hits, Bm25Index keyword)
    {
        var words = question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => (Word: word.Trim('?', '.', ',', '!', '"', '\'', '(', ')'), Terms: EnglishAnalyzer.Shared.Analyze(word)))
            .Select(entry => (entry.Word, Terms: entry.Terms.Where(term => !QuestionWords.Contains(term)).ToList()))
            .Where(entry => entry.Terms.Count > 0)
            .ToList();
        var terms = words.SelectMany(entry => entry.Terms).Distinct().ToList();
        if (terms.Count == 0)
        {
            return new Confidence(0, "The question has no searchable words.");
        }

        var found = hits.Take(TopPassages)
            .SelectMany(hit => EnglishAnalyzer.Shared.Analyze($"{hit.Title} {string.Join(' ', hit.HeadingPath)} {hit.Text}"))
            .ToHashSet(StringComparer.Ordinal);
        var weights = terms.ToDictionary(term => term, keyword.InverseDocumentFrequency);
        var value = weights.Where(pair => found.Contains(pair.Key)).Sum(pair => pair.Value) / weights.Values.Sum();
        var missing = words.Where(entry => entry.Terms.Any(term => !found.Contains(term))).Select(entry => entry.Word).Distinct().ToList();

        var reason = missing.Count == 0
            ? "The best passages cover every key term of the question."
            : $"The best passages cover {value:P0} of the question's key terms; not found: {string.Join(", ", missing.Select(word => $"'{word}'"))}.";
        return new Confidence(Math.Round(value, 3), reason);
    }
}
