using Assistant.Core.Budgets;

namespace Assistant.Core.Answers;

/// <summary>A related article suggested when the assistant declines.</summary>
public sealed record ArticleSuggestion(string DocumentId, string Title);

/// <summary>
/// What the user gets back for one question. <see cref="Budget"/> says which mode answered (model, fallback model,
/// offline) and which budget decided, when a budgeted model call was made.
/// </summary>
public sealed record Answer(
    string Text,
    IReadOnlyList<AnswerSentence> Sentences,
    AnswerOutcome Outcome,
    string Generator,
    string? Model,
    double Confidence,
    string ConfidenceReason,
    IReadOnlyList<ArticleSuggestion> Suggestions,
    string? Notice,
    string TraceId,
    BudgetDecision? Budget = null);
