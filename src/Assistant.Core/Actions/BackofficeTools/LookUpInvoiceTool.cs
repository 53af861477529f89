using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.BackofficeTools;

public sealed class LookUpInvoiceTool(IBackofficeStore backoffice) : AssistantTool
{
    internal const string InvoicePattern = @"^[Ii][Nn][Vv]-\d{4}-\d{4}$";
    private const int RecentCount = 5;

    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.LookUpInvoice,
        "Look up your invoices",
        "Shows one of the signed-in customer's invoices by number, or their most recent invoices when no number is given. Use when they ask about their own invoices, charges or bills.",
        Ownership: "The requester's own invoices only; another customer's invoice number is answered as not found.",
        RiskLevel.Low,
        ConfirmationPolicy.None,
        Limits: ["Read-only.", $"Without a number, the {RecentCount} most recent invoices."],
        ToolIdempotency.ReadOnly);

    public async Task<ToolPreview> PreviewAsync(ToolContext context,
        [Description("Invoice number such as INV-2026-0142; leave out to list recent invoices"), RegularExpression(InvoicePattern)] string? invoice = null,
        CancellationToken cancellationToken = default)
    {
        // Ownership is the preview's check: someone else's invoice is "not found" before anything is stored or run.
        if (invoice is not null && await backoffice.GetInvoiceAsync(context.Customer.Id, invoice, cancellationToken) is null)
        {
            throw new ToolRefusedException(ToolRefusal.NotFound, $"There is no invoice {invoice.ToUpperInvariant()} on your account.");
        }
        return new ToolPreview(invoice is null ? "Look up your recent invoices." : $"Look up invoice {invoice.ToUpperInvariant()}.", [], ConfirmationPolicy.None);
    }

    public async Task<ToolResult> ExecuteAsync(ToolContext context,
        [Description("Invoice number such as INV-2026-0142; leave out to list recent invoices"), RegularExpression(InvoicePattern)] string? invoice = null,
        CancellationToken cancellationToken = default)
    {
        if (invoice is not null)
        {
            var found = await backoffice.GetInvoiceAsync(context.Customer.Id, invoice, cancellationToken)
                ?? throw new ToolRefusedException(ToolRefusal.NotFound, $"There is no invoice {invoice.ToUpperInvariant()} on your account.");
            return new ToolResult($"Invoice {found.Number}: {Money.Usd(found.Amount)}, {found.Status}.", Describe(found));
        }
        var invoices = (await backoffice.ListInvoicesAsync(context.Customer.Id, cancellationToken)).Take(RecentCount).ToList();
        return new ToolResult(
            invoices.Count == 0 ? "Your account has no invoices yet." : $"Your {invoices.Count} most recent invoices.",
            [.. invoices.Select(i => new PreviewChange(i.Number, null, $"{Money.Date(i.IssuedOn)} · {Money.Usd(i.Amount)} · {i.Status}{Refunded(i)}"))]);
    }

    private static List<PreviewChange> Describe(Invoice invoice) =>
    [
        new("Issued on", null, Money.Date(invoice.IssuedOn)),
        new("Amount", null, Money.Usd(invoice.Amount)),
        new("Status", null, invoice.Status),
        new("Refunded", null, Money.Usd(invoice.RefundedAmount)),
    ];

    private static string Refunded(Invoice invoice) => invoice.RefundedAmount > 0 ? $" ({Money.Usd(invoice.RefundedAmount)} refunded)" : "";
}
