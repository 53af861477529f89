namespace Assistant.Core.Insights;

/// <summary>How many thumbs-down in the period named a "what was wrong" category (one rating may name several).</summary>
public sealed record CategoryCount(string Id, string Label, int Count);
