namespace Assistant.Core.Feedback.Triage;

/// <summary>How many triaged ratings carry a root cause (untriaged ones are counted under a null cause).</summary>
public sealed record CauseCount(string? Cause, int Count);
