namespace Assistant.Core.Budgets;

/// <summary>
/// One limit an admin can set: what it bounds (<see cref="Kind"/>: request, user, feature or global), in which unit
/// (usd or tokens), over which period (request, day or month, in UTC), and its configured default.
/// </summary>
public sealed record BudgetScope(string Name, string Kind, string Unit, string Period, string? Feature, string Description, Func<BudgetOptions, decimal> Default)
{
    /// <summary>The account key this scope charges for a call: the user, the feature, or "all".</summary>
    public string? KeyFor(string feature, string? userId) => Kind switch
    {
        BudgetKinds.User => userId,
        BudgetKinds.Feature => Feature == feature ? feature : null,
        BudgetKinds.Global => "all",
        _ => null,
    };

    /// <summary>The period an account of this scope counts in: "2026-12-01" for a day, "2026-12" for a month.</summary>
    public string PeriodOf(DateTimeOffset now) => Period switch
    {
        "day" => now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "month" => now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => "request",
    };
}
