using System.Globalization;

namespace Assistant.Core.Backoffice;

/// <summary>
/// The checks every backoffice store applies before it writes (plan names, cycles, refund amounts), so the SQLite and
/// PostgreSQL stores refuse the same things with the same words.
/// </summary>
internal static class BackofficeRules
{
    /// <summary>The catalog's name for a plan a customer may move to now; throws for unknown plans and Enterprise.</summary>
    public static string PlanForChange(string newPlan)
    {
        var plan = KnownPlan(newPlan);
        if (plan == PlanCatalog.Enterprise)
        {
            throw new InvalidOperationException("The Enterprise plan is sold by custom quote and cannot be changed to self-serve; the sales team has to arrange it.");
        }
        return plan;
    }

    /// <summary>"monthly" or "annual" in any case, or null to keep the current cycle; throws for anything else.</summary>
    public static string? CycleForChange(string? newCycle)
    {
        var cycle = newCycle?.Trim().ToLowerInvariant();
        if (cycle is not null and not (Subscription.Monthly or Subscription.Annual))
        {
            throw new InvalidOperationException($"Unknown billing cycle '{newCycle}'. Use '{Subscription.Monthly}' or '{Subscription.Annual}'.");
        }
        return cycle;
    }

    /// <summary>The subscription on the new plan and cycle at the catalog's price.</summary>
    public static Subscription Changed(Subscription current, string plan, string? cycle)
    {
        cycle ??= current.BillingCycle;
        if (!PlanCatalog.TryGetPrice(plan, cycle, out var price))
        {
            throw new InvalidOperationException($"The {plan} plan has no {cycle} price.");
        }
        return current with { Plan = plan, BillingCycle = cycle, PricePerSeat = price };
    }

    /// <summary>The plan and cycle of a change scheduled for later; throws unless the pair has a self-serve price.</summary>
    public static (string Plan, string Cycle) Scheduled(string newPlan, string newCycle)
    {
        var plan = KnownPlan(newPlan);
        var cycle = newCycle.Trim().ToLowerInvariant();
        if (!PlanCatalog.TryGetPrice(plan, cycle, out _))
        {
            throw new InvalidOperationException($"The {plan} plan has no self-serve {cycle} price.");
        }
        return (plan, cycle);
    }

    public static void CheckRefundAmount(decimal amount)
    {
        if (amount <= 0m || decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A refund must be a positive amount in whole cents.");
        }
    }

    /// <summary>The invoice after refunding <paramref name="amount"/>; throws when it is not paid or not that much is left.</summary>
    public static Invoice Refunded(Invoice invoice, decimal amount)
    {
        if (invoice.Status is not (Invoice.Paid or Invoice.PartiallyRefunded))
        {
            throw new InvalidOperationException(invoice.Status == Invoice.Refunded
                ? $"Invoice {invoice.Number} has already been refunded in full."
                : $"Invoice {invoice.Number} is {invoice.Status}, not paid, so there is nothing to refund.");
        }
        var refundable = invoice.Amount - invoice.RefundedAmount;
        if (amount > refundable)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Cannot refund {amount:0.00} {invoice.Currency} on invoice {invoice.Number}: at most {refundable:0.00} {invoice.Currency} is left to refund."));
        }
        var refunded = invoice.RefundedAmount + amount;
        return invoice with
        {
            RefundedAmount = refunded,
            Status = refunded == invoice.Amount ? Invoice.Refunded : Invoice.PartiallyRefunded,
        };
    }

    public static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m);

    // Multiplying by 0.01m (rather than dividing by 100) keeps two decimal places, so 1440 reads back as 1440.00.
    public static decimal FromCents(long cents) => cents * 0.01m;

    private static string KnownPlan(string newPlan) => PlanCatalog.Normalize(newPlan)
        ?? throw new InvalidOperationException($"Unknown plan '{newPlan}'. Plans are {string.Join(", ", PlanCatalog.PlanNames)}.");
}
