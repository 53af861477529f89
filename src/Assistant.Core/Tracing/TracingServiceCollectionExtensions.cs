using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Tracing;

public static class TracingServiceCollectionExtensions
{
    /// <summary>The trace of every answer (what was retrieved, which prompt, tokens, cost, latency), in the app database. Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantTracing(this IServiceCollection services)
    {
        services.AddSingleton<ITraceStore, SqliteTraceStore>();
        return services;
    }
}
