using Assistant.Core.Backoffice;
using Xunit;

namespace Assistant.Core.Tests.Backoffice;

public sealed class RefundPolicyTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static Invoice IssuedDaysAgo(int days) => new("inv", "cus", "INV-2026-0001", Today.AddDays(-days), 100m, "USD", Invoice.Paid, 0m);

    [Fact]
    public void An_annual_charge_244_days_old_conflicts_with_the_30_day_window()
    {
        var conflict = RefundPolicy.Conflict(IssuedDaysAgo(244), isFirstPayment: false, Subscription.Annual, Today);

        Assert.NotNull(conflict);
        Assert.Contains("244 days old", conflict, StringComparison.Ordinal);
        Assert.Contains("30 days of an annual charge", conflict, StringComparison.Ordinal);
        Assert.Contains(RefundPolicy.ArticleId, conflict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, false, Subscription.Annual)]
    [InlineData(14, true, Subscription.Monthly)]
    [InlineData(10, true, null)]
    public void A_charge_inside_a_window_has_no_conflict(int days, bool first, string? cycle) =>
        Assert.Null(RefundPolicy.Conflict(IssuedDaysAgo(days), first, cycle, Today));

    [Theory]
    [InlineData(15, true, Subscription.Monthly)]
    [InlineData(5, false, Subscription.Monthly)]
    [InlineData(31, false, Subscription.Annual)]
    public void A_charge_outside_every_window_conflicts(int days, bool first, string? cycle) =>
        Assert.NotNull(RefundPolicy.Conflict(IssuedDaysAgo(days), first, cycle, Today));
}
