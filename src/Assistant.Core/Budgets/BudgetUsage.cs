namespace Assistant.Core.Budgets;

/// <summary>An account's limit and what is spent (settled calls) and reserved (calls in flight) in its period, in USD.</summary>
public sealed record BudgetUsage(string Scope, string Kind, string Key, string Period, decimal Limit, decimal Spent, decimal Reserved)
{
    public decimal Used => Spent + Reserved;

    public decimal Remaining => Math.Max(0, Limit - Used);

    /// <summary>0 to 1 (1 also for a limit of 0).</summary>
    public double Utilization => Limit <= 0 ? 1 : (double)Math.Min(1, Used / Limit);
}
