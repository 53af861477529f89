namespace Assistant.Core.Budgets;

/// <summary>
/// How budgets shaped one model call: the <see cref="Mode"/> that answered (<see cref="BudgetModes"/>), the model
/// (null offline), and the scope whose limit made it step down (null when nothing did). Carried on the answer and
/// its trace.
/// </summary>
public sealed record BudgetDecision(string Mode, string? Model, string? Scope);
