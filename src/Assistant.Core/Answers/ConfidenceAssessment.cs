namespace Assistant.Core.Answers;

/// <summary>How confident the assistant can be that the passages answer the question, and whether that is enough to try.</summary>
public sealed record ConfidenceAssessment(Confidence Confidence, bool Answerable);
