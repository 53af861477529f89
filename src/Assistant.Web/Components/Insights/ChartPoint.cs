namespace Assistant.Web.Components.Insights;

/// <summary>One labelled value of a chart; null is a gap (a day with no data), not zero.</summary>
public sealed record ChartPoint(string Label, double? Value, double? Reference = null);
