using System.Diagnostics;
using Assistant.Core;
using Assistant.Core.Embeddings;
using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Web.Tests.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Storage;

/// <summary>
/// On SQLite the other writer is another process on the same data folder (<c>assistant ingest</c>); on PostgreSQL it
/// is another replica on the same database, with a data folder of its own.
/// </summary>
public abstract class IndexReloadTests(StorageProvider provider) : IAsyncLifetime
{
    private TestPostgresDatabase? _postgres;

    public async ValueTask InitializeAsync()
    {
        if (provider == StorageProvider.PostgreSQL)
        {
            _postgres = await TestPostgres.CreateDatabaseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Assistant:Storage:* for this test's database.</summary>
    private Dictionary<string, string?> Storage => _postgres is null
        ? new() { ["Assistant:Storage:Provider"] = nameof(StorageProvider.Sqlite) }
        : new()
        {
            ["Assistant:Storage:Provider"] = nameof(StorageProvider.PostgreSQL),
            ["Assistant:Storage:ConnectionString"] = _postgres.ConnectionString,
        };

    [Fact]
    public async Task A_running_host_serves_an_index_another_process_committed_within_seconds_without_a_restart()
    {
        await using var host = new AssistantWebFactory();
        foreach (var (key, value) in Storage)
        {
            host.Settings[key] = value;
        }
        var otherData = Directory.CreateTempSubdirectory("assistant-replica-data-").FullName;
        host.WriteArticle("billing/refunds.md", Article("Refunds", "Annual plans can be refunded within 14 days of purchase."));
        // Staff, because /api/health shows counts only to agents and admins.
        using var client = await host.CreateIngestedClientAsync("sam");
        Assert.DoesNotContain((await client.SearchAsync(Api.Search("heliotrope workspace theme"))).Hits, hit => hit.DocumentId == "settings/themes");

        // What `assistant ingest` does: the same services in another container, over the same folders.
        host.WriteArticle("settings/themes.md", Article("Workspace themes", "Admins can switch the workspace to the heliotrope theme under Settings."));
        await using var cli = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(Storage)
            {
                ["Assistant:DataDirectory"] = provider == StorageProvider.PostgreSQL ? otherData : host.DataDirectory,
                ["Assistant:KnowledgeDirectory"] = host.KnowledgeDirectory,
            }).Build())
            .AddLogging()
            .AddAssistantStorage()
            .AddAssistantEmbeddings()
            .AddAssistantRetrieval()
            .AddAssistantKnowledge()
            .BuildServiceProvider();
        var report = await cli.GetRequiredService<KnowledgeBase>().IngestDefaultFolderAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, report.Added);
        var chunks = cli.GetRequiredService<KnowledgeIndex>().Current.Chunks.Count;

        var clock = Stopwatch.StartNew();
        SearchResult result;
        while (!(result = await client.SearchAsync(Api.Search("heliotrope workspace theme"))).Hits.Any(hit => hit.DocumentId == "settings/themes")
            && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal("settings/themes", result.Hits[0].DocumentId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The host took {clock.Elapsed} to serve the new index.");
        var health = await client.HealthAsync();
        Assert.Equal(chunks, health.Chunks);
        Assert.Equal(2, health.Documents);
        AssistantWebFactory.DeleteTempDirectory(otherData);
    }

    public sealed class OnSqlite() : IndexReloadTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : IndexReloadTests(StorageProvider.PostgreSQL);

    private static string Article(string title, string body) => $"---\ntitle: {title}\n---\n# {title}\n\n{body}\n";
}
