using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Web.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Storage;

/// <summary>Replicas of the web host on one PostgreSQL database, each with its own data folder, over one knowledge folder.</summary>
[Trait("Requires", "PostgreSQL")]
public sealed class ReplicaStartupTests : IAsyncLifetime
{
    private TestPostgresDatabase? _postgres;

    public async ValueTask InitializeAsync() => _postgres = await TestPostgres.CreateDatabaseAsync();

    [Fact]
    public async Task Two_replicas_starting_at_once_ingest_once_and_serve_the_same_index_version()
    {
        await using var first = Replica(null);
        for (var i = 0; i < 5; i++)
        {
            first.WriteArticle($"guides/guide-{i}.md", $"---\ntitle: Guide {i}\n---\n# Guide {i}\n\nStep {i} of the setup guide.\n");
        }
        await using var second = Replica(first.KnowledgeDirectory);

        // Creating the clients starts both hosts, and with them both start-up ingests.
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        await Task.WhenAll(
            first.Services.GetRequiredService<StartupIngestion>().Completed,
            second.Services.GetRequiredService<StartupIngestion>().Completed).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        var reports = new[] { first, second }.Select(host => host.Services.GetRequiredService<KnowledgeBase>().LastReport!).ToList();
        Assert.Equal([0, 5], reports.Select(report => report.Added).Order());
        Assert.Equal([0, 5], reports.Select(report => report.Unchanged).Order());
        var versions = new[] { first, second }.Select(host => host.Services.GetRequiredService<KnowledgeIndex>().Version).ToList();
        Assert.Equal(await first.Services.GetRequiredService<IKnowledgeStore>().GetVersionAsync(TestContext.Current.CancellationToken), versions[0]);
        Assert.Equal(versions[0], versions[1]);
        Assert.Equal(5, second.Services.GetRequiredService<KnowledgeIndex>().Current.DocumentCount);
    }

    private AssistantWebFactory Replica(string? knowledgeDirectory)
    {
        var host = new AssistantWebFactory(knowledgeDirectory);
        host.Settings["Assistant:Storage:Provider"] = nameof(StorageProvider.PostgreSQL);
        host.Settings["Assistant:Storage:ConnectionString"] = _postgres!.ConnectionString;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
