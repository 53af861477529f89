namespace Assistant.Core.Budgets;

/// <summary>
/// One limit as admins see it: its definition, the limit in force (stored by an admin, else the configured default)
/// and every account spending under it in the current period.
/// </summary>
public sealed record BudgetScopeView(
    string Name,
    string Kind,
    string Unit,
    string Period,
    string Description,
    decimal Limit,
    decimal DefaultLimit,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<BudgetUsage> Accounts);
