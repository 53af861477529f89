using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Knowledge.Screening;

namespace Assistant.Web.ContentReview;

/// <summary>
/// An admin's review of flagged article text: the one place a flag is cleared, so the API and the admin page store
/// and audit it the same way. Clearing says "this sentence is ordinary help text": it becomes quotable evidence again.
/// </summary>
public sealed class ContentReviewService(ContentFlagCatalog catalog, IFlagReviewStore reviews, IAuditLog audit)
{
    /// <summary>The audit log's tool name for content reviews (they are not tool actions, but belong in the same record).</summary>
    public const string AuditTool = "content-review";

    public Task<IReadOnlyList<FlaggedArticle>> ListAsync(CancellationToken cancellationToken) => catalog.ListAsync(cancellationToken);

    /// <summary>The stored review, or null when the index holds no such flagged sentence (never flagged, or edited since).</summary>
    public async Task<FlagReview?> ClearAsync(Actor admin, string documentId, string hash, string? note, CancellationToken cancellationToken)
    {
        var article = (await catalog.ListAsync(cancellationToken)).FirstOrDefault(a => a.DocumentId == documentId);
        if (article?.Sentences.FirstOrDefault(s => s.Hash == hash) is not { } sentence)
        {
            return null;
        }
        var review = await reviews.ClearAsync(documentId, hash, admin.Username, note, cancellationToken);
        await audit.AppendAsync(new AuditRecord(admin.Username, admin.Role, AuditEvent.ContentFlagCleared, AuditTool, "ok",
            ArgumentsHash: hash,
            Detail: $"{documentId} line {sentence.Line} ({sentence.Reason}): \"{Blanking.Excerpt(sentence.Text, 300)}\"" + (review.Note is null ? "" : $" Note: {review.Note}")),
            CancellationToken.None);
        return review;
    }
}
