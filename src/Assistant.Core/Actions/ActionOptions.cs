using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Actions;

/// <summary>Settings under <c>Assistant:Actions</c>: how long proposals wait, and the limits tools enforce.</summary>
public sealed class ActionOptions
{
    public const string SectionName = "Assistant:Actions";

    /// <summary>How long the user has to confirm a preview before it expires.</summary>
    [Range(1, 7 * 24 * 60)]
    public int ConfirmWithinMinutes { get; set; } = 60;

    /// <summary>How long a submitted request waits for a support agent or admin before it expires.</summary>
    [Range(1, 30 * 24)]
    public int ApproveWithinHours { get; set; } = 72;

    /// <summary>Refunds above this many USD need an admin; an agent may approve up to it.</summary>
    [Range(0, 1_000_000)]
    public decimal RefundAdminApprovalAbove { get; set; } = 500m;

    /// <summary>Requests one user may have waiting at once; more are refused until some are decided.</summary>
    [Range(1, 1_000)]
    public int MaxWaitingPerUser { get; set; } = 10;

    /// <summary>Support tickets one customer may open through the assistant per rolling 24 hours.</summary>
    [Range(1, 1_000)]
    public int TicketsPerDay { get; set; } = 5;

    /// <summary>How often waiting actions are checked for expiry.</summary>
    [Range(1, 3_600)]
    public int ExpirySweepSeconds { get; set; } = 30;
}
