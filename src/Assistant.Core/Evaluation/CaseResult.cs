namespace Assistant.Core.Evaluation;

/// <summary>How one golden case went; the per-case lines of an evaluation report.</summary>
public sealed record CaseResult(
    string Id,
    string Type,
    string Split,
    string Question,
    string Outcome,
    bool Declined,
    double Confidence,
    string ConfidenceReason,
    bool RetrievalHit,
    IReadOnlyList<string> CitedArticles,
    int Citations,
    int SupportedCitations,
    int FactsFound,
    int FactsExpected,
    IReadOnlyList<string> ForbiddenFound,
    double LatencyMs,
    int TokensIn,
    int TokensOut,
    string Answer,
    double Cost = 0);
