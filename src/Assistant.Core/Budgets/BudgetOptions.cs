using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Budgets;

/// <summary>
/// Default spending limits (section "Assistant:Budgets"), in US dollars priced from Assistant:Model:Prices. Admins
/// override any limit at run time (stored in the app database, audited); these are the values until they do.
/// </summary>
public sealed class BudgetOptions
{
    public const string SectionName = "Assistant:Budgets";

    /// <summary>Off: no reservation, no step-down, nothing counted (a benchmark compares the pipeline without it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Share of a limit past which the user is told what is left and an event is recorded.</summary>
    [Range(1, 100)]
    public int SoftThresholdPercent { get; set; } = 80;

    /// <summary>Prompt plus maximum output tokens one model call may reserve.</summary>
    [Range(1, 2_000_000)]
    public int RequestMaxTokens { get; set; } = 16_000;

    [Range(0, 1_000_000)]
    public decimal RequestMaxUsd { get; set; } = 0.05m;

    [Range(0, 1_000_000)]
    public decimal UserDailyUsd { get; set; } = 1m;

    [Range(0, 1_000_000)]
    public decimal AnswersMonthlyUsd { get; set; } = 100m;

    [Range(0, 1_000_000)]
    public decimal ToolPlanningMonthlyUsd { get; set; } = 25m;

    [Range(0, 1_000_000)]
    public decimal EmbeddingsMonthlyUsd { get; set; } = 25m;

    [Range(0, 1_000_000)]
    public decimal GlobalDailyUsd { get; set; } = 20m;

    /// <summary>
    /// Output tokens reserved (and asked of the model as its maximum) when a call names none: the reservation must
    /// bound what the call can cost, so the model is held to it.
    /// </summary>
    [Range(1, 200_000)]
    public int DefaultMaxOutputTokens { get; set; } = 1_024;

    /// <summary>Threshold crossings are POSTed here as JSON when set.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Attempts per event, the first included; waits double from <see cref="WebhookRetryDelayMilliseconds"/>.</summary>
    [Range(1, 10)]
    public int WebhookMaxAttempts { get; set; } = 5;

    [Range(0, 60_000)]
    public int WebhookRetryDelayMilliseconds { get; set; } = 1_000;

    [Range(1, 120)]
    public int WebhookTimeoutSeconds { get; set; } = 10;
}
