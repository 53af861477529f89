using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Storage;

public static class ReplicaLockServiceCollectionExtensions
{
    /// <summary>The <see cref="IReplicaLock"/> of the storage provider: advisory locks on PostgreSQL, none needed on SQLite's one host.</summary>
    public static IServiceCollection AddReplicaLock(this IServiceCollection services)
    {
        services.TryAddSingleton<IReplicaLock>(provider => provider.UsesPostgres()
            ? new PostgresReplicaLock(provider.GetRequiredService<PostgresDatabase>())
            : new SingleHostReplicaLock());
        return services;
    }
}
