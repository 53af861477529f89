using System.Globalization;
using Assistant.Core.Budgets;
using Assistant.Core.Models;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>Spending limits are enforced: budgets on, a limit on every scope, and every model that can be called priced.</summary>
public sealed class BudgetsSetCheck(BudgetAdministration budgets, IOptions<BudgetOptions> budgetOptions, IOptions<ModelOptions> modelOptions) : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("budgets-set", "Budgets set",
        "Budgets are on (Assistant:Budgets:Enabled), every budget scope has a limit in force (set by an admin or configured), and the model and its fallbacks have prices, so USD limits can stop them.",
        new LaunchFix("Review the limits on the Budgets page; price every model in Assistant:Model:Prices.", "/admin/budgets"));

    public async Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        if (!budgetOptions.Value.Enabled)
        {
            return Spec.NotReady("Budgets are switched off (Assistant:Budgets:Enabled=false): no limit is enforced and nothing is counted.");
        }
        var scopes = await budgets.ListAsync(cancellationToken);
        var limits = string.Join(", ", scopes.Select(Describe));
        var models = modelOptions.Value;
        // A model without a price costs $0 to the gate, so no USD limit can ever stop it.
        var unpriced = (models.IsConfigured ? models.Fallbacks.Prepend(models.Model!) : [])
            .Where(model => !models.Prices.ContainsKey(model)).ToList();
        if (unpriced.Count > 0)
        {
            return Spec.NotReady($"{string.Join(", ", unpriced)} ha{(unpriced.Count == 1 ? "s" : "ve")} no price in Assistant:Model:Prices, so its spend counts as $0 and no USD limit stops it. Limits: {limits}.");
        }
        return Spec.Ready($"{LaunchText.Count(scopes.Count, "limit", "limits")} in force: {limits}.");
    }

    private static string Describe(BudgetScopeView scope)
    {
        var amount = scope.Unit == "usd"
            ? "$" + scope.Limit.ToString("0.00##", CultureInfo.InvariantCulture)
            : scope.Limit.ToString("N0", CultureInfo.InvariantCulture) + " tokens";
        var source = scope.UpdatedBy is null ? "configured" : $"set by {scope.UpdatedBy}";
        return $"{scope.Name} {amount} per {scope.Period} ({source})";
    }
}
