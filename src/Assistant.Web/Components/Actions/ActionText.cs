using Assistant.Core.Actions;
using Assistant.Core.Actions.Tools;

namespace Assistant.Web.Components.Actions;

/// <summary>The words the chat card and the review queue use for an action's status, risk and policy, so both read alike.</summary>
public static class ActionText
{
    public static string Status(string status) => status switch
    {
        ActionStatus.AwaitingUser => "Awaiting your confirmation",
        ActionStatus.AwaitingApproval => "Awaiting review",
        ActionStatus.Approved => "Approved",
        ActionStatus.Executing => "Running",
        ActionStatus.Executed => "Done",
        ActionStatus.Failed => "Failed",
        ActionStatus.Rejected => "Rejected",
        ActionStatus.Cancelled => "Cancelled",
        ActionStatus.Expired => "Expired",
        _ => status,
    };

    /// <summary>good, wait or bad: the colour of the status badge.</summary>
    public static string StatusTone(string status) => status switch
    {
        ActionStatus.Executed or ActionStatus.Approved => "good",
        ActionStatus.Failed or ActionStatus.Rejected => "bad",
        ActionStatus.Cancelled or ActionStatus.Expired => "muted",
        _ => "wait",
    };

    public static string Risk(RiskLevel risk) => $"{risk} risk";

    public static string RiskClass(RiskLevel risk) => $"risk-{risk.ToString().ToLowerInvariant()}";

    /// <summary>Who must say yes, in a sentence: the preview's own reason when it gives one.</summary>
    public static string WhoApproves(ToolPreview preview) => preview.PolicyReason ?? preview.Policy switch
    {
        ConfirmationPolicy.None => "Runs at once: it only reads your own records.",
        ConfirmationPolicy.User => "You confirm this yourself; nobody else needs to approve it.",
        ConfirmationPolicy.Agent => "A support agent reviews and approves it before it runs.",
        _ => "An admin must approve it before it runs.",
    };

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
        { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} d ago",
    };
}
