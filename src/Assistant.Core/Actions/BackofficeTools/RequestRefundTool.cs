using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions.BackofficeTools;

/// <summary>
/// Refunds part or all of a paid invoice. A support agent decides whether the refund policy allows it (the preview
/// gives them the charge's age against the policy's 14- and 30-day windows, and a policy conflict when the charge lies
/// outside them, which an approver must answer with a reason); above a configured amount only an admin may approve.
/// </summary>
public sealed class RequestRefundTool(IBackofficeStore backoffice, IOptions<ActionOptions> options) : AssistantTool
{
    private const string InvoiceDescription = "Invoice number such as INV-2026-0142";

    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.RequestRefund,
        "Request a refund",
        "Asks support to refund an amount of one of the signed-in customer's paid invoices. A support agent reviews the request against the refund policy; nothing is refunded until they approve. Use when the customer asks for a refund of a specific invoice.",
        Ownership: "Invoices of the requester's own account only.",
        RiskLevel.High,
        ConfirmationPolicy.Agent,
        Limits: ["No more than what is left to refund on the invoice; only paid invoices.",
            $"Above {Money.Usd(options.Value.RefundAdminApprovalAbove)} an admin must approve."],
        ToolIdempotency.ExactlyOncePerAction);

    public async Task<ToolPreview> PreviewAsync(ToolContext context,
        [Description(InvoiceDescription), RegularExpression(LookUpInvoiceTool.InvoicePattern)] string invoice,
        [Description("Amount to refund in USD; leave out to refund everything not yet refunded"), Range(0.01, 1_000_000)] decimal? amount = null,
        [Description("Why the customer wants the refund, in their words"), MaxLength(500)] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        var (found, refund) = await CheckAsync(context, invoice, amount, cancellationToken);
        var threshold = options.Value.RefundAdminApprovalAbove;
        var policy = refund > threshold ? ConfirmationPolicy.Admin : ConfirmationPolicy.Agent;
        var left = found.Amount - found.RefundedAmount - refund;
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        List<PreviewChange> changes =
        [
            new("Invoice", null, $"{found.Number} · {Money.Usd(found.Amount)} · issued {Money.Date(found.IssuedOn)}"),
            new("Refunded", Money.Usd(found.RefundedAmount), Money.Usd(found.RefundedAmount + refund)),
            StatusChange(found.Status, left == 0 ? Invoice.Refunded : Invoice.PartiallyRefunded),
            new("Charge age", null, $"{today.DayNumber - found.IssuedOn.DayNumber} days (policy: full refund within {RefundPolicy.FirstPaymentDays} days of a first purchase; prorated within {RefundPolicy.AnnualChargeDays} days of an annual charge)"),
        ];
        var conflict = await ConflictAsync(context, found, today, cancellationToken);
        if (!string.IsNullOrWhiteSpace(reason))
        {
            changes.Add(new("Customer's reason", null, reason.Trim()));
        }
        return new ToolPreview($"Refund {Money.Usd(refund)} of invoice {found.Number}.", changes, policy,
            policy == ConfirmationPolicy.Admin
                ? $"Refunds above {Money.Usd(threshold)} need an admin's approval."
                : "Refunds need a support agent's approval.",
            conflict);
    }

    /// <summary>The charge against the refund windows: the first payment is the customer's oldest invoice; the cycle is their plan's.</summary>
    private async Task<string?> ConflictAsync(ToolContext context, Invoice invoice, DateOnly today, CancellationToken cancellationToken)
    {
        var invoices = await backoffice.ListInvoicesAsync(context.Customer.Id, cancellationToken);
        var first = invoices.MinBy(i => i.IssuedOn)?.Number == invoice.Number;
        var subscription = await backoffice.GetSubscriptionAsync(context.Customer.Id, cancellationToken);
        return RefundPolicy.Conflict(invoice, first, subscription?.BillingCycle, today);
    }

    public async Task<ToolResult> ExecuteAsync(ToolContext context,
        [Description(InvoiceDescription), RegularExpression(LookUpInvoiceTool.InvoicePattern)] string invoice,
        [Description("Amount to refund in USD; leave out to refund everything not yet refunded"), Range(0.01, 1_000_000)] decimal? amount = null,
        [Description("Why the customer wants the refund, in their words"), MaxLength(500)] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        var (_, refund) = await CheckAsync(context, invoice, amount, cancellationToken);
        var refunded = await backoffice.RefundAsync(context.Customer.Id, invoice, refund, cancellationToken);
        return new ToolResult($"{Money.Usd(refund)} of invoice {refunded.Number} is refunded; it reaches the original payment method in 5–10 business days.",
            [new("Invoice", null, refunded.Number), new("Refunded in total", null, Money.Usd(refunded.RefundedAmount)), new("Invoice status", null, refunded.Status)]);
    }

    // A second partial refund leaves the status as it was; show it as a fact, not as "partially-refunded → partially-refunded".
    private static PreviewChange StatusChange(string before, string after) =>
        before == after ? new("Invoice status", null, after) : new("Invoice status", before, after);

    /// <summary>The invoice, and the amount to refund: as asked, or everything left when no amount was given.</summary>
    private async Task<(Invoice Invoice, decimal Amount)> CheckAsync(ToolContext context, string invoice, decimal? requested, CancellationToken cancellationToken)
    {
        var found = await backoffice.GetInvoiceAsync(context.Customer.Id, invoice, cancellationToken)
            ?? throw new ToolRefusedException(ToolRefusal.NotFound, $"There is no invoice {invoice.ToUpperInvariant()} on your account.");
        if (found.Status is not (Invoice.Paid or Invoice.PartiallyRefunded))
        {
            throw new ToolRefusedException(ToolRefusal.Limit, found.Status == Invoice.Refunded
                ? $"Invoice {found.Number} has already been refunded in full."
                : $"Invoice {found.Number} is {found.Status}, not paid, so there is nothing to refund.");
        }
        var left = found.Amount - found.RefundedAmount;
        var amount = requested ?? left;
        if (decimal.Round(amount, 2) != amount)
        {
            throw new ToolRefusedException(ToolRefusal.Limit, "A refund must be in whole cents.");
        }
        if (amount > left)
        {
            throw new ToolRefusedException(ToolRefusal.Limit, $"At most {Money.Usd(left)} of invoice {found.Number} can be refunded; {Money.Usd(amount)} is more than that.");
        }
        return (found, amount);
    }
}
