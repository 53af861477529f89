using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Answers;

public enum UnsupportedSentencePolicy
{
    /// <summary>Keep the sentence and flag it, so the UI can show it as unverified.</summary>
    Mark,

    /// <summary>Remove the sentence from the answer.</summary>
    Drop,

    /// <summary>Decline the whole answer if any sentence is unsupported.</summary>
    Abstain,
}

/// <summary>How answers are grounded, verified and declined (section "Assistant:Answers").</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "Assistant:Answers";

    /// <summary>Passages retrieved and numbered for the generator.</summary>
    [Range(1, 20)]
    public int Passages { get; set; } = 5;

    /// <summary>
    /// Share of the question's information (IDF-weighted content terms) the best single passage must cover before
    /// the assistant answers at all. Below it, the question is about something the knowledge base does not hold.
    /// 0.3 gave the best decline accuracy on the golden set (0.906; 0.887 at 0.35, 0.84 at 0.5): the offline
    /// generator declines clearly unrelated questions and leaves close calls to verification.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumCoverage { get; set; } = 0.3;

    /// <summary>Support score at or above which a cited sentence counts as supported by its passage.</summary>
    [Range(0.0, 1.0)]
    public double SupportThreshold { get; set; } = 0.5;

    /// <summary>
    /// Share of the question's information (as <see cref="MinimumCoverage"/>) a passage must hold for its article to
    /// be suggested when the assistant declines; its title or headings must also name part of the question. With 0.1
    /// "Do you have a native HubSpot integration?" (13 %) still suggests the integration articles, while a football
    /// question, whose words appear in no article's title, suggests none.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SuggestionFloor { get; set; } = 0.1;

    public UnsupportedSentencePolicy UnsupportedSentences { get; set; } = UnsupportedSentencePolicy.Drop;

    /// <summary>Word budget of the offline extractive answer.</summary>
    [Range(20, 1000)]
    public int MaxAnswerWords { get; set; } = 120;

    /// <summary>Longest question accepted, in characters (32 KB).</summary>
    [Range(1, 1_000_000)]
    public int MaxQuestionLength { get; set; } = 32 * 1024;
}
