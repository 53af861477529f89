using Assistant.Core.Retrieval;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Retrieval.Keyword;
using Assistant.Core.Text;

namespace Assistant.Core.Answers;

public sealed record Confidence(double Value, string Reason);

/// <summary>
/// How much of the question the best passages actually cover: the IDF-weighted share of its content terms found
/// in the top three passages. Rare terms weigh most, so "Do you integrate with Salesforce?" scores low when no
/// passage mentions Salesforce, however well "integrate" matches.
/// </summary>
public static class RetrievalConfidence
{
    internal const int TopPassages = 3;

    // Words that shape a question without naming its subject. They are rare in help articles, so their IDF is high
    // and, left in, "How much is the Team plan?" would look like a question about something the articles lack.
    internal const string QuestionWords =
        "much many long get getting got need needs want wants like know tell please can could may might able possible " +
        "way ways happen happens thing things something anything someone anyone somebody help hi hello thanks thank " +
        "still really actually also even ever use using used make makes made go goes going see say says said " +
        "exactly currently anymore right sure ok okay";

    /// <summary>The IDF-weighted share of the question's content terms that one passage holds.</summary>
    public static double Coverage(EnglishAnalyzer analyzer, string question, SearchHit hit, Bm25Index keyword)
    {
        var words = QuestionTerms(analyzer, question);
        var terms = words.SelectMany(entry => entry.Terms).Distinct().ToList();
        var total = terms.Sum(keyword.InverseDocumentFrequency);
        if (total <= 0)
        {
            return 0;
        }
        var covered = Covered(analyzer, PassageText(hit), words);
        return terms.Where(covered.Contains).Sum(keyword.InverseDocumentFrequency) / total;
    }

    private static List<(string Word, List<string> Terms)> QuestionTerms(EnglishAnalyzer analyzer, string question)
    {
        var questionWords = analyzer.TermsOf(QuestionWords);
        return question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => (Word: word.Trim('?', '.', ',', '!', '"', '\'', '(', ')'), Terms: analyzer.Analyze(word)))
            .Select(entry => (entry.Word, Terms: entry.Terms.Where(term => !questionWords.Contains(term)).ToList()))
            .Where(entry => entry.Terms.Count > 0)
            .ToList();
    }

    /// <summary>
    /// The question's words (as written) whose terms the passage lacks, or which only a misspelling of the passage's
    /// words covers: what a semantic check may still find in other words.
    /// </summary>
    public static IReadOnlyList<string> MissingWords(EnglishAnalyzer analyzer, string question, SearchHit hit)
    {
        var words = QuestionTerms(analyzer, question);
        var found = Covered(analyzer, PassageText(hit), words);
        return words.Where(entry => entry.Terms.Any(term => !found.Contains(term))).Select(entry => entry.Word).Distinct().ToList();
    }

    /// <param name="alsoFound">
    /// Per top passage (in hit order), question words a semantic check found said there in other words; they count as
    /// covered in that passage.
    /// </param>
    public static Confidence Assess(EnglishAnalyzer analyzer, string question, IReadOnlyList<SearchHit> hits, Bm25Index keyword,
        IReadOnlyList<IReadOnlySet<string>>? alsoFound = null)
    {
        var words = QuestionTerms(analyzer, question);
        var terms = words.SelectMany(entry => entry.Terms).Distinct().ToList();
        if (terms.Count == 0)
        {
            return new Confidence(0, "The question has no searchable words.");
        }

        // The answer has to come from somewhere: score each of the top passages on its own and take the best, so
        // terms scattered over unrelated passages do not add up to a confident answer.
        var weights = terms.ToDictionary(term => term, keyword.InverseDocumentFrequency);
        var total = weights.Values.Sum();
        var (value, found) = hits.Take(TopPassages)
            .Select((hit, i) => Covered(analyzer, PassageText(hit), words, alsoFound is not null && i < alsoFound.Count ? alsoFound[i] : null))
            .Select(covered => (Value: weights.Where(pair => covered.Contains(pair.Key)).Sum(pair => pair.Value) / total, Covered: covered))
            .DefaultIfEmpty((0.0, new HashSet<string>()))
            .MaxBy(result => result.Item1);
        var missing = words.Where(entry => entry.Terms.Any(term => !found.Contains(term))).Select(entry => entry.Word).Distinct().ToList();

        var reason = missing.Count == 0
            ? "The best passages cover every key term of the question."
            : $"The best passages cover {value:P0} of the question's key terms; not found: {string.Join(", ", missing.Select(word => $"'{word}'"))}.";
        return new Confidence(Math.Round(value, 3), reason);
    }

    private static string PassageText(SearchHit hit) => $"{hit.Title} {string.Join(' ', hit.HeadingPath)} {hit.Text}";

    private static HashSet<string> Covered(EnglishAnalyzer analyzer, string passage, List<(string Word, List<string> Terms)> words, IReadOnlySet<string>? alsoFound = null)
    {
        var found = analyzer.Analyze(passage).ToHashSet(StringComparer.Ordinal);
        found.UnionWith(words.Where(entry => alsoFound?.Contains(entry.Word) == true).SelectMany(entry => entry.Terms));
        // A misspelt word ("downlod") still names something the passage holds; count it as found.
        var passageWords = Words(passage);
        foreach (var (word, wordTerms) in words)
        {
            if (wordTerms.Any(term => !found.Contains(term)) && IsMisspellingOfAny(word.ToLowerInvariant(), passageWords))
            {
                found.UnionWith(wordTerms);
            }
        }
        return found;
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split(NonLetters, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    // One edit for words of five to seven letters, two from eight; shorter words are too easily confused.
    private static bool IsMisspellingOfAny(string word, HashSet<string> candidates)
    {
        var limit = word.Length >= 8 ? 2 : word.Length >= 5 ? 1 : 0;
        return limit > 0 && candidates.Any(candidate => candidate.Length >= 5 && candidate[0] == word[0] && EditDistance.Within(word, candidate, limit));
    }

    private static readonly char[] NonLetters = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsLetterOrDigit(c))];
}
