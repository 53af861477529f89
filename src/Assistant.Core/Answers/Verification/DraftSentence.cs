namespace Assistant.Core.Answers.Verification;

/// <summary>A sentence of a generated answer with the passage numbers its [n] markers named, markers removed.</summary>
public sealed record DraftSentence(string Text, IReadOnlyList<int> Markers);
