namespace Assistant.Core.Feedback.Triage;

/// <summary>The triage queue over negative feedback: list with filters, label a root cause, move the status.</summary>
public interface ITriageStore
{
    /// <summary>Thumbs-down feedback matching the filter, most recently updated first.</summary>
    Task<IReadOnlyList<TriageItem>> ListAsync(TriageFilter filter, CancellationToken cancellationToken = default);

    Task<TriageItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Labels the feedback and moves its status; null when there is no such negative feedback. Throws
    /// <see cref="InvalidTriageException"/> when the update is invalid or the move is not allowed from the current status.
    /// </summary>
    Task<TriageItem?> TriageAsync(string feedbackId, TriageUpdate update, string agent, CancellationToken cancellationToken = default);

    /// <summary>Negative feedback by root cause, most frequent first; untriaged feedback counts under a null cause.</summary>
    Task<IReadOnlyList<CauseCount>> CountByCauseAsync(CancellationToken cancellationToken = default);
}
