using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.BackofficeTools;

/// <summary>
/// Removes two-factor authentication from the requester's account after a support agent has verified their identity
/// (accounts-and-security/lost-two-factor-device.md). The approver must say how they verified it; the note is kept
/// with the reset.
/// </summary>
public sealed class ResetTwoFactorTool(IBackofficeStore backoffice) : AssistantTool
{
    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.ResetTwoFactor,
        "Reset two-factor authentication",
        "Asks support to remove two-factor authentication from the signed-in customer's account, for example after losing their phone. A support agent verifies their identity before approving.",
        Ownership: "The requester's own account only.",
        RiskLevel.High,
        ConfirmationPolicy.Agent,
        Limits: ["The approver must record how the requester's identity was verified."],
        ToolIdempotency.ExactlyOncePerAction,
        ApprovalNote: "How you verified the requester's identity (for example: verification link from the account email, last invoice amount confirmed)");

    public Task<ToolPreview> PreviewAsync(ToolContext context,
        [Description("What happened, in the customer's words"), MaxLength(500)] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        List<PreviewChange> changes =
        [
            new("Two-factor authentication", "on", "off until set up again"),
            new("Sessions", "signed in", "all signed out"),
            new("Account", null, $"{context.Customer.Name} <{context.Customer.Email}>"),
        ];
        if (!string.IsNullOrWhiteSpace(reason))
        {
            changes.Add(new("Customer's reason", null, reason.Trim()));
        }
        return Task.FromResult(new ToolPreview($"Reset two-factor authentication for {context.Customer.Email}.", changes, ConfirmationPolicy.Agent,
            "A support agent must verify your identity first (they will email you at the account address)."));
    }

    public async Task<ToolResult> ExecuteAsync(ToolContext context,
        [Description("What happened, in the customer's words"), MaxLength(500)] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(context.ApprovalNote))
        {
            throw new ToolRefusedException(ToolRefusal.Limit, "A two-factor reset needs the approver's identity-check note.");
        }
        var reset = await backoffice.RecordTwoFactorResetAsync(context.Customer.Id, context.Requester.Username, context.ApprovalNote, cancellationToken);
        return new ToolResult("Two-factor authentication is removed and all sessions are signed out. Sign in with your password and set it up again.",
            [new("Reset", null, reset.Id), new("Identity check", null, reset.IdentityCheckNote)]);
    }
}
