using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assistant.Web.Auth;

/// <summary>
/// On PostgreSQL, makes sure the shared key ring has a key in force before anything protects data, one replica at a
/// time (an advisory lock): two replicas starting on an empty ring would otherwise each create a key at once, and
/// each sign with its own until their rings refresh. Later keys are created ahead of time (two days before the
/// current one expires) and rings refresh daily, so every replica knows a new key before it is used.
/// It runs in StartingAsync, which the host calls before any service's StartAsync: data protection's own start-up
/// step loads the ring there (creating a key when there is none) and must find the one key settled here.
/// </summary>
public sealed class SharedKeyRing(IServiceProvider services, IOptions<StorageOptions> storage, TimeProvider clock) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Provider != StorageProvider.PostgreSQL)
        {
            return;
        }
        var database = services.GetRequiredService<PostgresDatabase>();
        var keys = services.GetRequiredService<IKeyManager>();
        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLocks.DataProtectionKeys})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now + lifetime);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
