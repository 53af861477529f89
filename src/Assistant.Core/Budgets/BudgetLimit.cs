namespace Assistant.Core.Budgets;

/// <summary>A limit an admin stored for a scope, replacing the configured default.</summary>
public sealed record BudgetLimit(string Scope, decimal Limit, string UpdatedBy, DateTimeOffset UpdatedAt);
