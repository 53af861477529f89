namespace Assistant.Core.Answers;

/// <summary>A related article suggested when the assistant declines.</summary>
public sealed record ArticleSuggestion(string DocumentId, string Title);

/// <summary>What the user gets back for one question.</summary>
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
    string TraceId);
