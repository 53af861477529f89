namespace Assistant.Core.Feedback;

/// <summary>Users' ratings of answers, one per trace and user; support agents triage them later.</summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Creates or replaces the user's feedback on the trace, keeping its id and creation time. Throws
    /// <see cref="ArgumentException"/> when the submission does not pass <see cref="FeedbackSubmission.Validate"/>.
    /// </summary>
    Task<Feedback> SaveAsync(string traceId, string userId, FeedbackSubmission submission, CancellationToken cancellationToken = default);

    Task<Feedback?> GetAsync(string traceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Feedback with the given status (all when null), most recently updated first.</summary>
    Task<IReadOnlyList<Feedback>> ListAsync(string? status = null, int limit = 100, CancellationToken cancellationToken = default);
}
