using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Models;
using Assistant.Core.Releases;
using Assistant.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Tests.Releases;

/// <summary>
/// The version store as a host registers it (storage, models, audit, the tools), over a data folder that outlives one
/// host: <see cref="Start"/> again over the same folder is a restart, with the configuration it is given. The state
/// database is the data folder's SQLite file unless <paramref name="storage"/> names another (a test PostgreSQL database);
/// two hosts started over one database are two replicas.
/// </summary>
internal sealed class VersionStoreHost(IReadOnlyDictionary<string, string?>? storage = null) : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("assistant-versions-").FullName;

    public IAssistantVersionStore Start(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assistant:DataDirectory"] = Path.Combine(Root, "data") })
            .AddInMemoryCollection(storage ?? new Dictionary<string, string?>())
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAssistantStorage()
            .AddAssistantModels()
            .AddAssistantAudit()
            .AddAssistantBackoffice()
            .AddAssistantActions()
            .AddAssistantReleases()
            .BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IAssistantVersionStore>();
    }

    public IAuditLog Audit => _providers[^1].GetRequiredService<IAuditLog>();

    public SqliteDatabase Database => _providers[^1].GetRequiredService<SqliteDatabase>();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            // Async: the PostgreSQL data source is only async-disposable.
            await provider.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
