namespace Assistant.Core.Insights.Kpis;

/// <summary>A KPI's value on one UTC day (null when the day had nothing to compute from).</summary>
public sealed record TrendPoint(DateOnly Date, double? Value);
