using Xunit;

namespace Assistant.Web.Tests.Search;

public sealed class RestartTests
{
    [Fact]
    public async Task Index_survives_a_restart_without_re_ingesting()
    {
        var root = Directory.CreateTempSubdirectory("assistant-web-restart-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            var knowledge = Path.Combine(root, "knowledge");
            await using (var first = new AssistantWebFactory(knowledge, data))
            {
                first.WriteArticle("guides/export-data.md", """
                    ---
                    title: Exporting your data
                    tags: [data]
                    ---
                    # Exporting your data

                    Owners can export every workflow as a ZIP archive from Settings, then Export.
                    """);
                using var client = await first.CreateIngestedClientAsync();
                Assert.Equal("guides/export-data", (await client.SearchAsync(Api.Search("export ZIP archive"))).Hits[0].DocumentId);
            }
            Assert.True(File.Exists(Path.Combine(data, "knowledge.db")), "The index should live in the configured data directory.");
            // Proves the second host reads the stored index: the article is gone from disk, so a re-ingest would drop it.
            Directory.Delete(knowledge, recursive: true);
            Directory.CreateDirectory(knowledge);

            await using var second = new AssistantWebFactory(knowledge, data, ingestOnStartup: false);
            using var restarted = await second.CreateIngestedClientAsync("sam");

            var result = await restarted.SearchAsync(Api.Search("export ZIP archive"));
            var hit = Assert.Single(result.Hits);
            Assert.Equal("guides/export-data", hit.DocumentId);
            Assert.Equal("Exporting your data", hit.Title);
            var health = await restarted.HealthAsync();
            Assert.Equal(1, health.Documents);
            Assert.Null(health.LastIngest);
        }
        finally
        {
            AssistantWebFactory.DeleteTempDirectory(root);
        }
    }
}
