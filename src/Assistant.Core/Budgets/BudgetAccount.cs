namespace Assistant.Core.Budgets;

/// <summary>
/// What one call spends from: a scope's account for one key in one period (alice on 2026-12-01, answers in
/// 2026-12). <see cref="DefaultLimit"/> applies unless an admin stored another limit for the scope.
/// </summary>
public sealed record BudgetAccount(string Scope, string Kind, string Key, string Period, decimal DefaultLimit);
