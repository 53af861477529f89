using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.BackofficeTools;

public sealed class LookUpSubscriptionTool(IBackofficeStore backoffice) : AssistantTool
{
    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.LookUpSubscription,
        "Look up your subscription",
        "Shows the signed-in customer's current plan, seats, billing cycle, price and renewal date. Use when they ask about their own plan or subscription.",
        Ownership: "The requester's own subscription only.",
        RiskLevel.Low,
        ConfirmationPolicy.None,
        Limits: ["Read-only."],
        ToolIdempotency.ReadOnly);

    public Task<ToolPreview> PreviewAsync(ToolContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ToolPreview("Look up your subscription.", [], ConfirmationPolicy.None));

    public async Task<ToolResult> ExecuteAsync(ToolContext context, CancellationToken cancellationToken = default)
    {
        var subscription = await backoffice.GetSubscriptionAsync(context.Customer.Id, cancellationToken)
            ?? throw new ToolRefusedException(ToolRefusal.NotFound, "Your account has no subscription.");
        var scheduled = await backoffice.GetScheduledChangeAsync(context.Customer.Id, cancellationToken);
        List<PreviewChange> details =
        [
            new("Plan", null, subscription.Plan),
            new("Seats", null, subscription.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Billing", null, subscription.BillingCycle),
            new("Price per seat", null, $"{Money.Usd(subscription.PricePerSeat)} per {Period(subscription.BillingCycle)}"),
            new("Total", null, $"{Money.Usd(subscription.PricePerSeat * subscription.Seats)} per {Period(subscription.BillingCycle)}"),
            new("Renews on", null, Money.Date(subscription.RenewsOn)),
            new("Status", null, subscription.Status),
        ];
        if (scheduled is not null)
        {
            details.Add(new("Scheduled change", null, $"{scheduled.Plan}, {scheduled.BillingCycle}, from {Money.Date(scheduled.EffectiveOn)}"));
        }
        return new ToolResult($"You are on the {subscription.Plan} plan with {subscription.Seats} seats, billed {Billed(subscription.BillingCycle)}.", details);
    }

    internal static string Billed(string cycle) => cycle == Subscription.Annual ? "annually" : "monthly";

    internal static string Period(string cycle) => cycle == Subscription.Annual ? "year" : "month";
}
