namespace Assistant.Core.Actions;

/// <summary>
/// Where a proposed tool action is: waiting for the user or an approver, decided, and finally executed once or failed.
/// Executing is a claim, so a second approval or a double click can never run the tool twice.
/// </summary>
public static class ActionStatus
{
    public const string AwaitingUser = "awaiting-user";
    public const string AwaitingApproval = "awaiting-approval";
    public const string Approved = "approved";
    public const string Executing = "executing";
    public const string Executed = "executed";
    public const string Failed = "failed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    /// <summary>Statuses a person still has to act on; these expire.</summary>
    public static readonly IReadOnlyList<string> Waiting = [AwaitingUser, AwaitingApproval];

    public static bool IsFinal(string status) => status is Executed or Failed or Rejected or Cancelled or Expired;
}
