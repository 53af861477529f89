namespace Assistant.Core.Budgets;

/// <summary>
/// An account crossed its soft threshold or reached its limit (<see cref="Level"/> "soft" or "limit"). Each level is
/// recorded once per account and period, however many calls cross it.
/// </summary>
public sealed record BudgetEvent(string Id, DateTimeOffset At, string Scope, string Kind, string Key, string Period, string Level, decimal Limit, decimal Used);
