using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions.BackofficeTools;

/// <summary>
/// Changes the plan or billing cycle the way the help center describes it (plans-and-billing/upgrade-or-downgrade-plan.md):
/// upgrades and monthly → annual take effect now with a prorated charge; downgrades and annual → monthly are
/// scheduled for the end of the current period.
/// </summary>
public sealed class ChangePlanTool(IBackofficeStore backoffice) : AssistantTool
{
    private const string PlanDescription = "The plan to move to: Free, Starter, Team or Business (Enterprise is sold by quote)";
    private const string CycleDescription = "Billing cycle after the change, monthly or annual; leave out to keep the current one";

    public override ToolDeclaration Declaration { get; } = new(
        ToolNames.ChangePlan,
        "Change your plan",
        "Moves the signed-in customer's subscription to another plan or billing cycle after they confirm a preview of the price difference and the date it takes effect. Use when they ask to upgrade, downgrade or switch plans.",
        Ownership: "The requester's own subscription only.",
        RiskLevel.Medium,
        ConfirmationPolicy.User,
        Limits: ["Self-serve plans only; Enterprise goes through sales.", "Seats and renewal date are unchanged."],
        ToolIdempotency.ExactlyOncePerAction);

    public async Task<ToolPreview> PreviewAsync(ToolContext context,
        [Description(PlanDescription), AllowedValues("Free", "Starter", "Team", "Business", "Enterprise")] string plan,
        [Description(CycleDescription), AllowedValues("monthly", "annual")] string? cycle = null,
        CancellationToken cancellationToken = default)
    {
        var quote = await QuoteAsync(context, plan, cycle, cancellationToken);
        return new ToolPreview(quote.Summary, quote.Changes, ConfirmationPolicy.User);
    }

    public async Task<ToolResult> ExecuteAsync(ToolContext context,
        [Description(PlanDescription), AllowedValues("Free", "Starter", "Team", "Business", "Enterprise")] string plan,
        [Description(CycleDescription), AllowedValues("monthly", "annual")] string? cycle = null,
        CancellationToken cancellationToken = default)
    {
        var quote = await QuoteAsync(context, plan, cycle, cancellationToken);
        if (quote.EffectiveNow)
        {
            var changed = await backoffice.ChangePlanAsync(context.Customer.Id, quote.Plan, quote.Cycle, cancellationToken);
            return new ToolResult($"You are now on the {changed.Plan} plan, billed {LookUpSubscriptionTool.Billed(changed.BillingCycle)}.", quote.Changes);
        }
        var scheduled = await backoffice.ScheduleChangeAsync(context.Customer.Id, quote.Plan, quote.Cycle, quote.EffectiveOn, cancellationToken);
        return new ToolResult($"Your move to {scheduled.Plan} ({scheduled.BillingCycle}) is scheduled for {Money.Date(scheduled.EffectiveOn)}; nothing changes until then.", quote.Changes);
    }

    private sealed record Quote(string Plan, string Cycle, bool EffectiveNow, DateOnly EffectiveOn, string Summary, IReadOnlyList<PreviewChange> Changes);

    private async Task<Quote> QuoteAsync(ToolContext context, string plan, string? cycle, CancellationToken cancellationToken)
    {
        var current = await backoffice.GetSubscriptionAsync(context.Customer.Id, cancellationToken)
            ?? throw new ToolRefusedException(ToolRefusal.NotFound, "Your account has no subscription to change.");
        var target = PlanCatalog.Normalize(plan)
            ?? throw new ToolRefusedException(ToolRefusal.Limit, $"There is no '{plan}' plan. Plans are {string.Join(", ", PlanCatalog.PlanNames)}.");
        if (target == PlanCatalog.Enterprise)
        {
            throw new ToolRefusedException(ToolRefusal.Limit, "Enterprise is sold by custom quote: contact sales@northwindlabs.example and they will prepare an order form.");
        }
        var newCycle = cycle?.Trim().ToLowerInvariant() ?? current.BillingCycle;
        if (target == current.Plan && newCycle == current.BillingCycle)
        {
            throw new ToolRefusedException(ToolRefusal.Limit, $"You are already on the {current.Plan} plan, billed {LookUpSubscriptionTool.Billed(current.BillingCycle)}.");
        }
        PlanCatalog.TryGetPrice(target, newCycle, out var newPrice);

        var rank = Rank(target) - Rank(current.Plan);
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        // Upgrades and monthly → annual start now; downgrades and annual → monthly wait for the end of the period.
        var effectiveNow = rank > 0 || (rank == 0 && newCycle == Subscription.Annual);
        var effectiveOn = effectiveNow ? today : current.RenewsOn;

        var oldTotal = current.PricePerSeat * current.Seats;
        var newTotal = newPrice * current.Seats;
        List<PreviewChange> changes = [new("Plan", current.Plan, target)];
        if (newCycle != current.BillingCycle)
        {
            changes.Add(new("Billing", current.BillingCycle, newCycle));
        }
        changes.Add(new("Price per seat", PerPeriod(current.PricePerSeat, current.BillingCycle), PerPeriod(newPrice, newCycle)));
        var difference = newCycle == current.BillingCycle ? $" ({Money.Difference(newTotal - oldTotal)})" : "";
        changes.Add(new($"Total for {current.Seats} seats", PerPeriod(oldTotal, current.BillingCycle), PerPeriod(newTotal, newCycle) + difference));
        changes.Add(new("Takes effect", null, effectiveNow ? $"Now ({Money.Date(today)})" : $"{Money.Date(effectiveOn)}, the end of your current {(current.BillingCycle == Subscription.Annual ? "term" : "month")}"));
        if (effectiveNow)
        {
            changes.Add(new("Charged now", null, ChargedNow(current, newTotal, newCycle, today)));
        }
        if (target == "Free")
        {
            changes.Add(new("Note", null, "Moving to Free is the same as cancelling: paid features stop at the end of the period."));
        }
        var summary = effectiveNow
            ? $"Move from {current.Plan} to {target} ({newCycle}) now."
            : $"Move from {current.Plan} to {target} ({newCycle}) on {Money.Date(effectiveOn)}.";
        return new Quote(target, newCycle, effectiveNow, effectiveOn, summary, changes);
    }

    /// <summary>
    /// Upgrades within a cycle pay the difference for the part of the period left; monthly → annual pays the year
    /// less a credit for the unused part of the month.
    /// </summary>
    private static string ChargedNow(Subscription current, decimal newTotal, string newCycle, DateOnly today)
    {
        var periodDays = current.BillingCycle == Subscription.Annual ? 365m : 30m;
        var daysLeft = Math.Clamp(current.RenewsOn.DayNumber - today.DayNumber, 0, (int)periodDays);
        var unused = current.PricePerSeat * current.Seats * daysLeft / periodDays;
        if (newCycle == current.BillingCycle)
        {
            var prorated = decimal.Round((newTotal - current.PricePerSeat * current.Seats) * daysLeft / periodDays, 2);
            return $"{Money.Usd(prorated)} (prorated for the {daysLeft} days left in this period)";
        }
        return $"{Money.Usd(decimal.Round(newTotal - unused, 2))} (the annual charge less {Money.Usd(decimal.Round(unused, 2))} credit for the unused part of this month)";
    }

    private static string PerPeriod(decimal amount, string cycle) => $"{Money.Usd(amount)}/{LookUpSubscriptionTool.Period(cycle)}";

    private static int Rank(string plan) => PlanCatalog.PlanNames.ToList().IndexOf(plan);
}
