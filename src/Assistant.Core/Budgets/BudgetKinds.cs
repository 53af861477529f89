namespace Assistant.Core.Budgets;

/// <summary>What a scope bounds; also the <c>scope</c> tag of the budget metrics.</summary>
public static class BudgetKinds
{
    public const string Request = "request";
    public const string User = "user";
    public const string Feature = "feature";
    public const string Global = "global";
}
