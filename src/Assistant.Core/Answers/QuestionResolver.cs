using Assistant.Core.Text.Analysis;

namespace Assistant.Core.Answers;

/// <summary>
/// A question ready to answer: what to search for, and whether it was rewritten from the conversation.
/// <see cref="Clarification"/> is set instead when it refers to something the conversation does not pin down.
/// </summary>
public sealed record ResolvedQuestion(string Question, string SearchQuery, bool Rewritten, string? Clarification = null);

/// <summary>
/// Rewrites follow-ups ("And the annual price?") into standalone questions by joining them to the previous question,
/// and references to the previous answer's items ("the second one") by naming the item (<see cref="ItemReferences"/>).
/// A short question, or one that leans on the conversation ("it", "that", "what about"), counts as a follow-up.
/// Deterministic and model-free, so it behaves the same offline and with a model.
/// </summary>
public static class QuestionResolver
{
    private const int ShortQuestionTerms = 3;

    private static readonly string[] Openers = ["and ", "what about", "how about", "also", "and?", "what if", "same for", "then "];

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "that", "they", "them", "those",
    };

    public static ResolvedQuestion Resolve(EnglishAnalyzer analyzer, string question, IReadOnlyList<string> previousQuestions, Answer? previousAnswer = null)
    {
        var trimmed = question.Trim();
        // "How much does the second one cost?" names an item of the last answer: it stands alone once that is filled in.
        switch (ItemReferences.Resolve(trimmed, previousAnswer))
        {
            case ({ } standalone, _):
                return new ResolvedQuestion(standalone, standalone, Rewritten: true);
            case (_, { } clarification):
                return new ResolvedQuestion(trimmed, trimmed, Rewritten: false, clarification);
        }
        if (previousQuestions.Count == 0 || !IsFollowUp(analyzer, trimmed))
        {
            return new ResolvedQuestion(trimmed, trimmed, Rewritten: false);
        }
        var combined = $"{previousQuestions[^1].Trim()} {trimmed}";
        return new ResolvedQuestion(combined, combined, Rewritten: true);
    }

    private static bool IsFollowUp(EnglishAnalyzer analyzer, string question)
    {
        var lower = question.ToLowerInvariant();
        var words = lower.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('?', '.', ',', '!')).ToList();
        return Openers.Any(lower.StartsWith)
            || words.Any(Pronouns.Contains)
            || analyzer.Analyze(question).Count <= ShortQuestionTerms && words.Count <= 5;
    }
}
