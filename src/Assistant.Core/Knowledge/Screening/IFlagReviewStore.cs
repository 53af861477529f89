namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// Cleared content flags, keyed by document and the flagged sentence's hash: a clearance survives re-ingestion while
/// the sentence is unchanged, and an edited sentence is flagged again because its hash differs.
/// </summary>
public interface IFlagReviewStore
{
    /// <summary>
    /// Every clearance, keyed by (document id, sentence hash). Read from the database each time, not cached: answering
    /// asks only when a retrieved passage carries a flag, and a clearance made on any replica must hold at once.
    /// </summary>
    Task<IReadOnlyDictionary<(string DocumentId, string Hash), FlagReview>> GetClearedAsync(CancellationToken cancellationToken = default);

    Task<FlagReview> ClearAsync(string documentId, string hash, string clearedBy, string? note, CancellationToken cancellationToken = default);
}
