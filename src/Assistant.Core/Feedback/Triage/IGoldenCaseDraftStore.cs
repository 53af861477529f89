namespace Assistant.Core.Feedback.Triage;

/// <summary>Golden cases written in triage, waiting to be exported to <c>evals/golden/</c> for review.</summary>
public interface IGoldenCaseDraftStore
{
    /// <summary>Stores a case for the feedback, replacing an earlier one for the same feedback (a rewrite, not a second case).</summary>
    Task<GoldenCaseDraft> SaveAsync(string feedbackId, GoldenCaseRequest request, string writtenBy, CancellationToken cancellationToken = default);

    /// <summary>Cases with the given status (all when null), oldest first.</summary>
    Task<IReadOnlyList<GoldenCaseDraft>> ListAsync(string? status = null, CancellationToken cancellationToken = default);

    Task MarkExportedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}
