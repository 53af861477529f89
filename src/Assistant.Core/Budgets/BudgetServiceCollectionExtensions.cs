using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Budgets;

public static class BudgetServiceCollectionExtensions
{
    /// <summary>
    /// Spending limits on model calls (Assistant:Budgets): the gate the model pipelines' budget layer asks, the store
    /// in the app database, metrics and the queue of threshold crossings for the webhook. Needs
    /// <c>AddAssistantStorage</c> and <c>AddAssistantModels</c>; <c>AddAssistantAnswers</c> and
    /// <c>AddAssistantActions</c> call it, so every host that calls a model has it. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddAssistantBudgets(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(BudgetGate)))
        {
            return services;
        }
        services.AddOptions<BudgetOptions>().BindConfiguration(BudgetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStore<IBudgetStore, SqliteBudgetStore, PostgresBudgetStore>();
        services.AddSingleton<BudgetPricing>();
        services.AddSingleton<BudgetMetrics>();
        services.AddSingleton<BudgetEventQueue>();
        services.AddSingleton<BudgetGate>();
        services.AddSingleton<BudgetAdministration>();
        return services;
    }
}
