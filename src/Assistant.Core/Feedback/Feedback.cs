namespace Assistant.Core.Feedback;

/// <summary>A user's rating of one answer (by trace id); one per trace and user, updated in place when they change it.</summary>
public sealed record Feedback(
    string Id,
    string TraceId,
    string UserId,
    string Rating,
    IReadOnlyList<string> Categories,
    string? Comment,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The status of feedback no support agent has looked at yet.</summary>
    public const string NewStatus = "new";
}
