namespace Assistant.Core.Budgets;

/// <summary>
/// Amounts are stored as whole billionths of a dollar: a token of a cheap model costs fractions of a micro-dollar,
/// and integer sums in SQLite are exact where REAL sums drift.
/// </summary>
internal static class Nanodollars
{
    public static long From(decimal usd) => (long)Math.Round(usd * 1_000_000_000m, MidpointRounding.AwayFromZero);

    public static decimal ToUsd(long nanos) => nanos / 1_000_000_000m;
}
