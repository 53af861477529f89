namespace Assistant.Core.Answers;

/// <summary>What an answer stream yields: unverified text as the generator produces it, then the verified answer.</summary>
public abstract record AnswerEvent;

/// <summary>Generated text; Reset means discard what came before (the model failed mid-answer and the fallback restarts).</summary>
public sealed record AnswerDelta(string Text, bool Reset = false) : AnswerEvent;

public sealed record AnswerCompleted(Answer Answer) : AnswerEvent;

public sealed record AnswerRequest(string Question, string? ConversationId = null, IReadOnlyList<string>? PreviousQuestions = null);
