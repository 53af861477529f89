namespace Assistant.Core.Backoffice;

/// <summary>
/// Self-serve plans and their per-seat prices in USD, as published in the help center (plans-and-billing/pricing-and-seats.md).
/// Enterprise is listed but has no price: it is sold by custom quote.
/// </summary>
public static class PlanCatalog
{
    public const string Enterprise = "Enterprise";

    private static readonly (string Name, decimal? Monthly, decimal? Annual)[] Plans =
    [
        ("Free", 0m, 0m),
        ("Starter", 9m, 90m),
        ("Team", 18m, 180m),
        ("Business", 30m, 300m),
        (Enterprise, null, null),
    ];

    /// <summary>Every plan name, in the help center's order, Enterprise included.</summary>
    public static IReadOnlyList<string> PlanNames { get; } = [.. Plans.Select(p => p.Name)];

    /// <summary>The plan's canonical name ("team" → "Team"), or null when there is no such plan.</summary>
    public static string? Normalize(string plan) =>
        Plans.Select(p => p.Name).FirstOrDefault(name => string.Equals(name, plan?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The per-seat price for one billing cycle ("monthly" or "annual"). False for unknown plans or cycles and for
    /// Enterprise, which has no self-serve price.
    /// </summary>
    public static bool TryGetPrice(string plan, string cycle, out decimal price)
    {
        price = 0m;
        var match = Plans.FirstOrDefault(p => string.Equals(p.Name, plan?.Trim(), StringComparison.OrdinalIgnoreCase));
        decimal? found = cycle?.Trim().ToLowerInvariant() switch
        {
            Subscription.Monthly => match.Monthly,
            Subscription.Annual => match.Annual,
            _ => null,
        };
        if (found is null)
        {
            return false;
        }
        price = found.Value;
        return true;
    }
}
