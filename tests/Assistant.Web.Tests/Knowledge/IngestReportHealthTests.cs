using Assistant.Core.Knowledge;
using Assistant.Web.Tests.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Knowledge;

/// <summary>/api/health shows skipped symbolic links and kept old versions the way it shows any skipped file.</summary>
public sealed class IngestReportHealthTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("assistant-web-outside-").FullName;

    [Fact]
    public async Task Health_lists_links_that_were_not_followed_and_articles_kept_at_their_old_version()
    {
        await using var factory = new AssistantWebFactory();
        factory.WriteArticle("guides/export.md", "---\ntitle: Exporting\n---\n# Exporting\n\nOwners export every workflow as a ZIP archive.\n");
        File.WriteAllText(Path.Combine(_outside, "secret.md"), "# Secret\n\nroot:x:0:0:root:/root:/bin/bash\n");
        File.CreateSymbolicLink(Path.Combine(factory.KnowledgeDirectory, "secret.md"), Path.Combine(_outside, "secret.md"));
        using var client = await factory.CreateIngestedClientAsync("ada");

        var health = await client.HealthAsync();

        var skipped = Assert.Single(health.LastIngest!.Skipped);
        Assert.Equal("secret.md", skipped.SourcePath);
        Assert.Contains("outside the knowledge folder", skipped.Reason);

        factory.WriteArticle("guides/export.md", "---\ntitle: [Exporting\n---\n# Exporting\n\nBroken front matter now.\n");
        await factory.Services.GetRequiredService<KnowledgeBase>().IngestDefaultFolderAsync(cancellationToken: TestContext.Current.CancellationToken);

        health = await client.HealthAsync();
        var kept = Assert.Single(health.LastIngest!.Skipped, s => s.SourcePath == "guides/export.md");
        Assert.EndsWith("the previously indexed version stays searchable", kept.Reason);
        Assert.Equal("guides/export", (await client.SearchAsync(Api.Search("export ZIP archive"))).Hits[0].DocumentId);
    }

    public void Dispose() => AssistantWebFactory.DeleteTempDirectory(_outside);
}
