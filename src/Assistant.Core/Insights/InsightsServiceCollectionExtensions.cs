using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Drift;
using Assistant.Core.Insights.Gaps;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>
    /// Product KPIs, drift and content gaps computed from the app database's traces, feedback, handoffs and actions.
    /// Needs <c>AddAssistantStorage</c>, the analyzer (<c>AddAssistantRetrieval</c>) and an <see cref="IEligibleAccounts"/>.
    /// </summary>
    public static IServiceCollection AddAssistantInsights(this IServiceCollection services)
    {
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStore<IInsightsSource, SqliteInsightsSource, PostgresInsightsSource>();
        services.AddSingleton<DriftAnalyzer>();
        services.AddSingleton<ContentGapFinder>();
        services.AddSingleton<InsightsService>();
        services.AddSingleton<DriftSignal>();
        services.AddSingleton<Monitoring.IDriftSignal>(provider => provider.GetRequiredService<DriftSignal>());
        return services;
    }
}
