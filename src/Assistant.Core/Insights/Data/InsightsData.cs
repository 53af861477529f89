namespace Assistant.Core.Insights.Data;

/// <summary>
/// Everything stored about one period: answers made in it, the feedback on those answers (whenever given), and the
/// handoffs and actions created in it.
/// </summary>
public sealed record InsightsData(
    IReadOnlyList<AnswerFact> Answers,
    IReadOnlyList<FeedbackFact> Feedback,
    IReadOnlyList<HandoffFact> Handoffs,
    IReadOnlyList<ActionFact> Actions)
{
    public static InsightsData Empty { get; } = new([], [], [], []);
}
