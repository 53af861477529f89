using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// The product meter. Every feature that records on it calls this (TryAdd: one instance); whether anything
    /// listens (the OpenTelemetry exporter of the web host) is the host's choice.
    /// </summary>
    public static IServiceCollection AddAssistantProductMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ProductMetrics>();
        return services;
    }
}
