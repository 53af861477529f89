namespace Assistant.Core.Budgets;

/// <summary>The features whose model spend is limited per month, as named in scopes, metrics and the admin API.</summary>
public static class BudgetFeatures
{
    public const string Answers = "answers";
    public const string ToolPlanning = "tool-planning";
    public const string Embeddings = "embeddings";
}
