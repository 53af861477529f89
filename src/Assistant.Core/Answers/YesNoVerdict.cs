using System.Text.RegularExpressions;
using Assistant.Core.Text.Analysis;

namespace Assistant.Core.Answers;

/// <summary>
/// Yes/no questions ("Does the Business plan include SSO?") get "Yes." or "No." before the sentence that decides
/// them, but only when that sentence states it: it holds every content word of the question, and it is negated
/// exactly when the question is not (or the other way round). Otherwise the deciding sentence speaks for itself.
/// The verdict cites the deciding sentence's source, and counts as supported only because that sentence is.
/// </summary>
public static partial class YesNoVerdict
{
    [GeneratedRegex(@"^\W*(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesNoOpener();

    [GeneratedRegex(@"\b(?:not|no|never|none|cannot|without|nothing|neither|nor)\b|n['’]t\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"^\W*(?:yes|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithVerdict();

    // Words of a question's frame, not of what it asks about.
    private const string Frame = "you your we our i me my there it possible able allowed anyone someone way still also really";

    public static bool IsYesNoQuestion(string question) => YesNoOpener().IsMatch(question) && !question.Contains(" or ", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Yes." or "No." when <paramref name="sentence"/> states the answer to <paramref name="question"/>; else null.</summary>
    public static string? Of(EnglishAnalyzer analyzer, string question, string sentence)
    {
        if (!IsYesNoQuestion(question))
        {
            return null;
        }
        var frame = analyzer.TermsOf(Frame);
        var questionWords = analyzer.TermsOf(RetrievalConfidence.QuestionWords);
        var asked = analyzer.Analyze(question)
            .Where(term => !frame.Contains(term) && !questionWords.Contains(term))
            .ToHashSet(StringComparer.Ordinal);
        var stated = analyzer.Analyze(sentence).ToHashSet(StringComparer.Ordinal);
        if (asked.Count == 0 || !asked.All(stated.Contains))
        {
            return null;
        }
        return Negation().IsMatch(sentence) == Negation().IsMatch(question) ? "Yes." : "No.";
    }

    /// <summary>The answer with the verdict in front, when its first sentence decides the question.</summary>
    public static List<AnswerSentence> Apply(EnglishAnalyzer analyzer, string question, List<AnswerSentence> sentences)
    {
        if (sentences.Count == 0 || !sentences[0].Supported || StartsWithVerdict().IsMatch(sentences[0].Text)
            || Of(analyzer, question, sentences[0].Text) is not { } verdict)
        {
            return sentences;
        }
        var deciding = sentences[0];
        return [new AnswerSentence(verdict, deciding.Citations, true, deciding.Score, []), .. sentences];
    }
}
