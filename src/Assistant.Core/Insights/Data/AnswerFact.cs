namespace Assistant.Core.Insights.Data;

/// <summary>
/// What the dashboard needs of one answer trace: who asked what, how it ended, what it cost and took, whether
/// verification removed or marked sentences, and the documents of the passages it retrieved (best first).
/// </summary>
public sealed record AnswerFact(
    string TraceId,
    string? ConversationId,
    string? UserId,
    string Question,
    string Outcome,
    DateTimeOffset CreatedAt,
    decimal Cost,
    double TotalMs,
    int RemovedSentences,
    int InvalidMarkers,
    double? TopScore,
    IReadOnlyList<string> Documents)
{
    /// <summary>
    /// Replies to a question (answered, declined, handed off or failed); replies that are an action card or a
    /// clarifying question are steps of another flow and are not counted as questions.
    /// </summary>
    public bool IsQuestion => Outcome is not (OutcomeNames.ActionRequested or OutcomeNames.AskedToClarify);

    public bool IsAnswered => Outcome == OutcomeNames.Answered;

    public bool IsDeclined => Outcome == OutcomeNames.Abstained;
}
