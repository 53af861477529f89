namespace Assistant.Core.Budgets;

/// <summary>
/// No model fits the budget and the caller has no offline answer of its own: the tool planner catches it and plans
/// with the offline router, query embedding with keyword-only retrieval.
/// </summary>
public sealed class BudgetExceededException(BudgetDecision decision, string message) : Exception(message)
{
    public BudgetDecision Decision { get; } = decision;
}
