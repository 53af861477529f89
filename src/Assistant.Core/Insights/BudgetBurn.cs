using Assistant.Core.Budgets;

namespace Assistant.Core.Insights;

/// <summary>
/// How much of one budget account is used in its current period (a day or a month: what the budget store holds, not
/// the dashboard's date range). Used counts settled calls and calls in flight.
/// </summary>
public sealed record BudgetBurn(string Scope, string Kind, string Key, string Period, string Unit, decimal Limit, decimal Used, double Utilization)
{
    /// <summary>The accounts of every scope, fullest first; none when budgets are not registered.</summary>
    public static async Task<IReadOnlyList<BudgetBurn>> ReadAsync(BudgetAdministration? budgets, CancellationToken cancellationToken)
    {
        if (budgets is null)
        {
            return [];
        }
        var scopes = await budgets.ListAsync(cancellationToken);
        return scopes
            .SelectMany(scope => scope.Accounts.Select(account =>
                new BudgetBurn(scope.Name, scope.Kind, account.Key, account.Period, scope.Unit, account.Limit, account.Used, Math.Round(account.Utilization, 4))))
            .OrderByDescending(burn => burn.Utilization)
            .ThenBy(burn => burn.Scope, StringComparer.Ordinal)
            .ToList();
    }
}
