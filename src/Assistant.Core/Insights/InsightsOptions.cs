using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Insights;

/// <summary>Dashboard and drift settings (section "Assistant:Insights").</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Assistant:Insights";

    /// <summary>The drift signal compares the last this-many days of questions with the same number of days before them.</summary>
    [Range(1, 90)]
    public int DriftWindowDays { get; set; } = 7;

    /// <summary>How often the drift signal that monitoring reads is recomputed.</summary>
    [Range(1, 24 * 60)]
    public int DriftRefreshMinutes { get; set; } = 5;

    /// <summary>How many content gaps the dashboard lists.</summary>
    [Range(1, 100)]
    public int ContentGaps { get; set; } = 10;
}
