using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Tracing;

public static class TracingServiceCollectionExtensions
{
    /// <summary>The trace of every answer (what was retrieved, which prompt, tokens, cost, latency), in the app database (SQLite or PostgreSQL). Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantTracing(this IServiceCollection services)
    {
        services.AddStore<ITraceStore, SqliteTraceStore, PostgresTraceStore>();
        return services;
    }
}
