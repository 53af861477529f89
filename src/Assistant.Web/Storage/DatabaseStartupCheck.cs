using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Storage;

/// <summary>
/// On PostgreSQL, the host does not start until the database answers (within Assistant:Storage:StartupWaitSeconds),
/// and stops with an error naming what it tried when it never does. StartingAsync runs before every hosted service's
/// StartAsync, so nothing else meets the unreachable database first.
/// </summary>
public sealed class DatabaseStartupCheck(IServiceProvider services, IOptions<StorageOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        options.Value.Provider == StorageProvider.PostgreSQL
            ? PostgresReachability.EnsureReachableAsync(services.GetRequiredService<PostgresDatabase>(),
                TimeSpan.FromSeconds(options.Value.StartupWaitSeconds), cancellationToken)
            : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
