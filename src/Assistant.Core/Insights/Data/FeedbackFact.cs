namespace Assistant.Core.Insights.Data;

/// <summary>A rating of one answer, with the "what was wrong" categories of a thumbs-down.</summary>
public sealed record FeedbackFact(string TraceId, string Rating, IReadOnlyList<string> Categories);
