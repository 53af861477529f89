namespace Assistant.Core.Answers;

/// <summary>
/// The part of <see cref="AnswerOptions"/> an assistant version may change (the question-length limit is the
/// deployment's): how many passages are retrieved, when the assistant declines, what counts as supported.
/// </summary>
public sealed record AnswerPolicy(
    int Passages,
    double MinimumCoverage,
    double SupportThreshold,
    double SuggestionFloor,
    UnsupportedSentencePolicy UnsupportedSentences,
    int MaxAnswerWords)
{
    public static AnswerPolicy From(AnswerOptions options) => new(options.Passages, options.MinimumCoverage, options.SupportThreshold,
        options.SuggestionFloor, options.UnsupportedSentences, options.MaxAnswerWords);
}
