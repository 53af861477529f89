using Assistant.Core.Models;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Budgets;

/// <summary>Prices tokens with Assistant:Model:Prices; a model missing there costs 0, so budgets never stop it.</summary>
public sealed class BudgetPricing(IOptions<ModelOptions> models)
{
    public decimal Cost(string? model, long inputTokens, long outputTokens) =>
        model is not null && models.Value.Prices.TryGetValue(model, out var price)
            ? (inputTokens * price.InputPerMillion + outputTokens * price.OutputPerMillion) / 1_000_000m
            : 0m;
}
