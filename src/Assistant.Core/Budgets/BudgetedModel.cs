using Microsoft.Extensions.AI;

namespace Assistant.Core.Budgets;

/// <summary>A cheaper model the budget layer may step down to, with the pipeline that calls it.</summary>
public sealed record BudgetedModel(string Model, IChatClient Client);
