using Assistant.Core.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Handoffs;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>Handoffs to a person, in the app database. Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantHandoffs(this IServiceCollection services)
    {
        services.AddAssistantProductMetrics();
        services.AddSingleton<IHandoffStore, SqliteHandoffStore>();
        return services;
    }
}
