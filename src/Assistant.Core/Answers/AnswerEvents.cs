namespace Assistant.Core.Answers;

/// <summary>What an answer stream yields: unverified text as the generator produces it, then the verified answer.</summary>
public abstract record AnswerEvent;

/// <summary>Generated text; Reset means discard what came before (the model failed mid-answer and the fallback restarts).</summary>
public sealed record AnswerDelta(string Text, bool Reset = false) : AnswerEvent;

public sealed record AnswerCompleted(Answer Answer) : AnswerEvent;

/// <summary>
/// A question to answer; UserId is who asked (recorded in the trace, so they may read it later). PreviousAnswer is the
/// last reply of the conversation, so "the second one" can be read against the items it listed.
/// </summary>
public sealed record AnswerRequest(string Question, string? ConversationId = null, IReadOnlyList<string>? PreviousQuestions = null, string? UserId = null,
    Answer? PreviousAnswer = null);
