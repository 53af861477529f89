using Assistant.Core.Budgets;

namespace Assistant.Core.Tracing;

public sealed record TracePassage(int Number, string ChunkId, string DocumentId, double Score, double? KeywordScore, double? VectorScore);

public sealed record StageLatency(double ResolveMs, double RetrieveMs, double GenerateMs, double VerifyMs, double TotalMs);

public sealed record VerificationSummary(int Sentences, int Supported, int Removed, int InvalidMarkers);

/// <summary>
/// The record of one answer: everything feedback, evaluation, budgets and monitoring need, written for every answer
/// whatever its outcome. Tokens are the provider's count when it reports one, otherwise our exact BPE count.
/// <see cref="Budget"/> is how budgets shaped the model call (null when no budgeted call was made).
/// </summary>
public sealed record AnswerTrace(
    string Id,
    string? ConversationId,
    string? UserId,
    string Question,
    string SearchQuery,
    IReadOnlyList<TracePassage> Passages,
    string PromptVersion,
    string Generator,
    string? Model,
    int TokensIn,
    int TokensOut,
    string TokenSource,
    decimal Cost,
    StageLatency Latency,
    double Confidence,
    VerificationSummary Verification,
    string Outcome,
    string? Notice,
    DateTimeOffset CreatedAt,
    BudgetDecision? Budget = null)
{
    /// <summary>
    /// The W3C trace id (32 hex digits) of the request that produced the answer, when one was traced: the key that joins
    /// this trace to the request's log lines, its spans and the audit rows of any action it led to.
    /// </summary>
    public string? RequestTraceId { get; init; }

    /// <summary>The assistant version (Releases) that answered; null on traces from before versions existed.</summary>
    public string? ConfigVersion { get; init; }

    /// <summary>Whether that version was the stable one or a rollout's candidate (<c>ReleaseArm</c>).</summary>
    public string? ReleaseArm { get; init; }
}
