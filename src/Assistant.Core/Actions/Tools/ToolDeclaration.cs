namespace Assistant.Core.Actions.Tools;

/// <summary>
/// Everything a reviewer, an approver and the model need to know about a tool before it is ever called. The JSON
/// schema of its arguments is not repeated here: it comes from the tool's <see cref="AssistantTool.Function"/>.
/// </summary>
/// <param name="Name">The snake_case name the model calls (see <see cref="Planning.ToolNames"/>).</param>
/// <param name="Title">What the chat card and the review queue call it ("Request a refund").</param>
/// <param name="Description">For the model: when to use the tool. Written as guidance, not as a promise to act.</param>
/// <param name="Ownership">Whose records the tool may read or change.</param>
/// <param name="Risk">How much harm a wrong call could do; the review queue sorts and filters by it.</param>
/// <param name="Policy">Who must say yes by default. A preview may raise it (a large refund needs an admin), never lower it.</param>
/// <param name="Limits">Limits enforced when the action is proposed and again when it executes.</param>
/// <param name="ApprovalNote">When set, approvers must write this note (for example how identity was verified).</param>
public sealed record ToolDeclaration(
    string Name,
    string Title,
    string Description,
    string Ownership,
    RiskLevel Risk,
    ConfirmationPolicy Policy,
    IReadOnlyList<string> Limits,
    ToolIdempotency Idempotency,
    string? ApprovalNote = null)
{
    /// <summary>Only customers act through tools, on their own account; staff decide, they do not request.</summary>
    public string RequiredRole => ActorRole.User;

    public bool IsReadOnly => Idempotency == ToolIdempotency.ReadOnly;
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

public enum ToolIdempotency
{
    /// <summary>Reads only: running it twice changes nothing.</summary>
    ReadOnly,

    /// <summary>
    /// Changes records: the action id is the idempotency key. An identical request while one is waiting returns the
    /// waiting one, and execution is claimed once, so double clicks and simultaneous approvals run it once.
    /// </summary>
    ExactlyOncePerAction,
}
