using Assistant.Core.Evaluation;

namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// A golden case written by a person from triaged feedback, stored in the app database until it is exported for a
/// pull request. <see cref="Status"/> is <see cref="Pending"/> until <c>assistant eval export</c> writes it out.
/// </summary>
public sealed record GoldenCaseDraft(
    string Id,
    string FeedbackId,
    string Question,
    IReadOnlyList<string> ExpectedArticles,
    IReadOnlyList<string> Facts,
    bool ExpectDecline,
    string? Notes,
    string WrittenBy,
    string Status,
    DateTimeOffset CreatedAt)
{
    public const string Pending = "pending";
    public const string Exported = "exported";

    /// <summary>The case as the evaluator runs it; the id names the feedback so a failing case leads back to it.</summary>
    public GoldenCase ToGoldenCase() => new(
        $"fb-{FeedbackId}",
        ExpectDecline ? "unanswerable" : "answerable",
        [Question],
        ExpectedArticles,
        Facts,
        [],
        Notes ?? $"From feedback {FeedbackId}, written by {WrittenBy}.");
}
