namespace Assistant.Core.Backoffice;

/// <summary>
/// The refund windows as the help center publishes them (knowledge/policies/refund-policy.md: a full refund within
/// 14 days of the first payment; a prorated refund within 30 days of an annual charge; nothing for monthly plans
/// after the first 14 days). Kept next to <see cref="PlanCatalog"/> for the same reason: the tools check requests
/// against the numbers customers read. Change both together.
/// </summary>
public static class RefundPolicy
{
    public const string ArticleId = "policies/refund-policy";
    public const string ArticleTitle = "Refund policy";
    public const int FirstPaymentDays = 14;
    public const int AnnualChargeDays = 30;

    /// <summary>
    /// Why refunding <paramref name="invoice"/> would go against the policy, or null when the charge lies inside a
    /// window. <paramref name="isFirstPayment"/>: it is the customer's first invoice; <paramref name="billingCycle"/>:
    /// the subscription's cycle ("monthly", "annual"), null when unknown.
    /// </summary>
    public static string? Conflict(Invoice invoice, bool isFirstPayment, string? billingCycle, DateOnly today)
    {
        var age = today.DayNumber - invoice.IssuedOn.DayNumber;
        if (isFirstPayment && age <= FirstPaymentDays || billingCycle == Subscription.Annual && age <= AnnualChargeDays)
        {
            return null;
        }
        var window = billingCycle == Subscription.Annual
            ? $"within {AnnualChargeDays} days of an annual charge (or {FirstPaymentDays} days of the first payment)"
            : $"within {FirstPaymentDays} days of the first payment only; monthly plans are not refunded after that";
        return $"Outside the refund policy: this charge is {age} days old, and the policy allows refunds {window} ({ArticleTitle}, {ArticleId}).";
    }
}
