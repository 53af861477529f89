namespace Assistant.Core.Actions.Tools;

/// <summary>
/// What a tool would do, shown to the user before they confirm and to the approver as evidence: a one-line summary
/// and each change as before → after. <see cref="Policy"/> is who must say yes for these arguments.
/// <see cref="Conflict"/> says, when set, which published policy the request goes against (a refund outside the refund
/// window): the customer sees it before confirming, and an approver must give a reason to approve anyway.
/// </summary>
public sealed record ToolPreview(string Summary, IReadOnlyList<PreviewChange> Changes, ConfirmationPolicy Policy, string? PolicyReason = null, string? Conflict = null);

/// <summary>One line of a preview or result; Before is null for something new, After null for a plain fact.</summary>
public sealed record PreviewChange(string Label, string? Before, string? After);

/// <summary>What a tool did, in the same shape as its preview.</summary>
public sealed record ToolResult(string Summary, IReadOnlyList<PreviewChange> Details);
