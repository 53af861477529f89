namespace Assistant.Core.Insights.Drift;

/// <summary>How many answers had their best retrieval score in [Low, High), in the period and in the reference period.</summary>
public sealed record ScoreBin(double Low, double High, int Current, int Reference);
