namespace Assistant.Core.Insights.Gaps;

/// <summary>A document retrieval offered for the questions of a gap, and for how many of them.</summary>
public sealed record GapArticle(string DocumentId, int Times);
