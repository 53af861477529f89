using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The append-only audit log of actions and admin decisions, in the app database. Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantAudit(this IServiceCollection services)
    {
        services.AddStore<IAuditLog, SqliteAuditLog, PostgresAuditLog>();
        return services;
    }
}
