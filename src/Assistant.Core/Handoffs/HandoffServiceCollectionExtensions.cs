using Assistant.Core.Monitoring;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Handoffs;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>Handoffs to a person, in the app database (SQLite or PostgreSQL). Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantHandoffs(this IServiceCollection services)
    {
        services.AddAssistantProductMetrics();
        services.AddStore<IHandoffStore, SqliteHandoffStore, PostgresHandoffStore>();
        return services;
    }
}
