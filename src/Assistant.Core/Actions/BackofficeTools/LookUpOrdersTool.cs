using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.BackofficeTools;

public sealed class LookUpOrdersTool(IBackofficeStore backoffice) : AssistantTool
{
    private const int RecentCount = 10;

    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.LookUpOrders,
        "Look up your orders",
        "Lists the signed-in customer's recent orders (plan purchases, renewals, added seats). Use when they ask about their own orders or purchases.",
        Ownership: "The requester's own orders only.",
        RiskLevel.Low,
        ConfirmationPolicy.None,
        Limits: ["Read-only.", $"The {RecentCount} most recent orders."],
        ToolIdempotency.ReadOnly);

    public Task<ToolPreview> PreviewAsync(ToolContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ToolPreview("Look up your recent orders.", [], ConfirmationPolicy.None));

    public async Task<ToolResult> ExecuteAsync(ToolContext context, CancellationToken cancellationToken = default)
    {
        var orders = (await backoffice.ListOrdersAsync(context.Customer.Id, cancellationToken)).Take(RecentCount).ToList();
        return new ToolResult(
            orders.Count == 0 ? "Your account has no orders yet." : $"Your {orders.Count} most recent orders.",
            [.. orders.Select(o => new PreviewChange(Money.Date(DateOnly.FromDateTime(o.CreatedAt.UtcDateTime)), null, $"{o.Description} · {Money.Usd(o.Amount)}"))]);
    }
}
