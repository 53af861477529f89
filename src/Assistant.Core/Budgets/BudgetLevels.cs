namespace Assistant.Core.Budgets;

/// <summary>The <c>level</c> of a threshold crossing, in events, metrics and webhooks.</summary>
public static class BudgetLevels
{
    public const string Soft = "soft";
    public const string Limit = "limit";
}
