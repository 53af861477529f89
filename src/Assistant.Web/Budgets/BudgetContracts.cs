using Assistant.Core.Budgets;

namespace Assistant.Web.Budgets;

/// <summary>What an admin sends to change a limit: the new limit in the scope's unit (USD, or tokens for request-tokens).</summary>
public sealed record SetBudgetLimitRequest(decimal? Limit);

/// <summary>Every scope with its limit, spend and remaining; whether budgets are on, and where the soft threshold is.</summary>
public sealed record BudgetsView(bool Enabled, int SoftThresholdPercent, IReadOnlyList<BudgetScopeView> Scopes);
