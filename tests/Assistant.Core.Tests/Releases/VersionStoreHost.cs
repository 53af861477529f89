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
/// host: <see cref="Start"/> again over the same folder is a restart, with the configuration it is given.
/// </summary>
internal sealed class VersionStoreHost : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("assistant-versions-").FullName;

    public IAssistantVersionStore Start(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assistant:DataDirectory"] = Path.Combine(Root, "data") })
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

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
