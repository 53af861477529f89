namespace Assistant.Core.Budgets;

/// <summary>What answered a budgeted call: the configured model, a cheaper fallback model, or no model at all.</summary>
public static class BudgetModes
{
    public const string Model = "model";
    public const string FallbackModel = "fallback-model";
    public const string Offline = "offline";
}
