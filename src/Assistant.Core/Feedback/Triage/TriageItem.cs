namespace Assistant.Core.Feedback.Triage;

/// <summary>One negative rating as the triage queue shows it: the feedback, and the agent's label when there is one.</summary>
public sealed record TriageItem(
    Feedback Feedback,
    string? Cause,
    string? Note,
    string? TriagedBy,
    DateTimeOffset? TriagedAt)
{
    public string Status => Feedback.Status;
}
