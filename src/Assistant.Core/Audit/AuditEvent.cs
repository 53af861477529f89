namespace Assistant.Core.Audit;

/// <summary>What happened to a tool action, as recorded in <see cref="AuditEntry.Event"/>.</summary>
public static class AuditEvent
{
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string Executed = "executed";
    public const string Failed = "failed";
    public const string Denied = "denied";
    public const string PermissionDenied = "permission-denied";

    /// <summary>An admin cleared a content flag: a sentence the screening took for an instruction to the assistant.</summary>
    public const string ContentFlagCleared = "content-flag-cleared";

    /// <summary>An admin changed a spending limit (Budgets).</summary>
    public const string BudgetLimitChanged = "budget-limit-changed";

    /// <summary>An admin changed or cleared the kill switches (Operations).</summary>
    public const string OperationsChanged = "operations-changed";

    /// <summary>A support agent labelled negative feedback or moved its status (Feedback triage).</summary>
    public const string FeedbackTriaged = "feedback-triaged";

    /// <summary>A support agent wrote a golden case from triaged feedback.</summary>
    public const string GoldenCaseWritten = "golden-case-written";

    /// <summary>An admin published an assistant version: its settings are frozen from now on (Releases).</summary>
    public const string VersionPublished = "version-published";

    /// <summary>An admin started or changed the rollout of a candidate version (Releases).</summary>
    public const string RolloutChanged = "rollout-changed";

    /// <summary>An admin promoted the candidate: it became the stable version for everyone (Releases).</summary>
    public const string RolloutPromoted = "rollout-promoted";

    /// <summary>The candidate was pulled back: by a guard metric's breach (actor "system") or by an admin (Releases).</summary>
    public const string RolloutRolledBack = "rollout-rolled-back";

    public static readonly IReadOnlyList<string> All =
        [Proposed, Confirmed, Cancelled, Approved, Rejected, Expired, Executed, Failed, Denied, PermissionDenied, ContentFlagCleared, BudgetLimitChanged,
         OperationsChanged, FeedbackTriaged, GoldenCaseWritten, VersionPublished, RolloutChanged, RolloutPromoted, RolloutRolledBack];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
