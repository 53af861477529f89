using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

public abstract class IngestionPipelineTests(StorageProvider provider) : KnowledgeProviderTests(provider)
{
    private readonly CountingEmbeddingGenerator _generator = new();

    private TestKnowledgeBase Knowledge => field ??= Open(services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_generator));

    private void WriteThreeArticles()
    {
        Knowledge.Write("billing/refunds.md", TestKnowledgeBase.Article("Refunds",
            "## Eligibility\n\nAnnual plans are refunded pro rata within 30 days.\n\n## How to ask\n\nWrite to billing support with the invoice number."));
        Knowledge.Write("security/passwords.md", TestKnowledgeBase.Article("Passwords",
            "## Requirements\n\nPasswords need twelve characters.\n\n## Reset\n\nUse the forgot password link on the sign-in page."));
        Knowledge.Write("api/limits.md", TestKnowledgeBase.Article("API limits",
            "## Per plan\n\nThe Team plan allows 1,200 requests per minute.\n\n## Errors\n\nOver the limit you get HTTP 429 with Retry-After."));
    }

    [Fact]
    public async Task A_second_run_with_nothing_changed_touches_nothing()
    {
        WriteThreeArticles();
        var first = await Knowledge.IngestAsync();
        var embedded = _generator.Passages;

        var second = await Knowledge.IngestAsync();

        Assert.Equal(3, first.Added);
        Assert.Equal(3, second.Unchanged);
        Assert.Equal(0, second.ChunksWritten);
        Assert.Equal(embedded, _generator.Passages);
        Assert.False(second.ChangedIndex);
    }

    [Fact]
    public async Task An_edited_file_is_reindexed_and_only_its_changed_sections_are_embedded()
    {
        WriteThreeArticles();
        await Knowledge.IngestAsync();
        var embedded = _generator.Passages;

        Knowledge.Write("billing/refunds.md", TestKnowledgeBase.Article("Refunds",
            "## Eligibility\n\nAnnual plans are refunded pro rata within 45 days.\n\n## How to ask\n\nWrite to billing support with the invoice number."));
        var report = await Knowledge.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(2, report.Unchanged);
        Assert.Equal(embedded + 1, _generator.Passages);
        var hit = (await Knowledge.SearchAsync("refund annual days", 1))[0];
        Assert.Contains("45 days", hit.Text);
    }

    [Fact]
    public async Task A_renamed_file_moves_without_being_embedded_again()
    {
        WriteThreeArticles();
        await Knowledge.IngestAsync();
        var embedded = _generator.Passages;

        File.Move(Path.Combine(Knowledge.KnowledgeDirectory, "api/limits.md"), Path.Combine(Knowledge.KnowledgeDirectory, "api/rate-limits.md"));
        var report = await Knowledge.IngestAsync();

        Assert.Equal((1, 1, 1), (report.Added, report.Deleted, report.Renamed));
        Assert.Equal(embedded, _generator.Passages);
        var documents = await Knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken);
        Assert.Contains("api/rate-limits", documents.Keys);
        Assert.DoesNotContain("api/limits", documents.Keys);
        Assert.Equal("api/rate-limits", (await Knowledge.SearchAsync("429 Retry-After", 1))[0].DocumentId);
    }

    [Fact]
    public async Task A_deleted_file_leaves_the_index()
    {
        WriteThreeArticles();
        await Knowledge.IngestAsync();

        File.Delete(Path.Combine(Knowledge.KnowledgeDirectory, "security/passwords.md"));
        var report = await Knowledge.IngestAsync();

        Assert.Equal(1, report.Deleted);
        var hits = await Knowledge.SearchAsync("password reset twelve characters", 10);
        Assert.DoesNotContain(hits, hit => hit.DocumentId == "security/passwords");
    }

    [Fact]
    public async Task Bad_files_are_reported_by_path_and_reason_and_the_rest_ingest()
    {
        using var knowledge = Open(settings: new() { ["Assistant:Ingestion:MaxFileBytes"] = "4000" });
        knowledge.Write("good.md", TestKnowledgeBase.Article("Good", "## Part\n\nUseful content about invoices."));
        knowledge.Write("empty.md", "");
        knowledge.Write("blank.txt", "  \n\n ");
        knowledge.WriteBytes("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]);
        knowledge.WriteBytes("latin1.md", [(byte)'c', (byte)'a', (byte)'f', 0xE9]);
        knowledge.Write("huge.md", new string('x', 5000));
        knowledge.Write("broken.md", "---\ntitle: Never closed\n\n# Heading\n\nText.");
        knowledge.Write("headings-only.md", "---\ntitle: Empty\n---\n# Empty\n");

        var report = await knowledge.IngestAsync();

        Assert.Equal(1, report.Added);
        var reasons = report.Skipped.ToDictionary(s => s.SourcePath, s => s.Reason);
        Assert.Contains("empty", reasons["empty.md"]);
        Assert.Contains("only whitespace", reasons["blank.txt"]);
        Assert.Contains("binary", reasons["binary.md"]);
        Assert.Contains("UTF-8", reasons["latin1.md"]);
        Assert.Contains("over the 4,000-byte limit", reasons["huge.md"]);
        Assert.Contains("front matter", reasons["broken.md"]);
        Assert.Contains("no text", reasons["headings-only.md"]);
        Assert.Equal(7, report.Skipped.Count);
    }

    [Fact]
    public async Task A_file_that_turns_bad_keeps_its_last_good_version()
    {
        WriteThreeArticles();
        await Knowledge.IngestAsync();

        Knowledge.WriteBytes("api/limits.md", [0x00, 0x01]);
        var report = await Knowledge.IngestAsync();

        Assert.Single(report.Skipped);
        Assert.Equal(0, report.Deleted);
        Assert.Equal("api/limits", (await Knowledge.SearchAsync("429 Retry-After", 1))[0].DocumentId);
    }

    [Fact]
    public async Task An_article_whose_front_matter_breaks_stays_searchable_and_the_report_says_so()
    {
        WriteThreeArticles();
        await Knowledge.IngestAsync();

        Knowledge.Write("api/limits.md", "---\ntitle: API limits\ntags: [api\n---\n# API limits\n\nThe Team plan allows 5 requests per minute.\n");
        var report = await Knowledge.IngestAsync();

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("api/limits.md", skipped.SourcePath);
        Assert.Contains("front matter", skipped.Reason);
        Assert.EndsWith("the previously indexed version stays searchable", skipped.Reason);
        Assert.Equal(0, report.Deleted);
        var hit = (await Knowledge.SearchAsync("429 Retry-After", 1))[0];
        Assert.Equal("api/limits", hit.DocumentId);
        Assert.Contains("1,200 requests", (await Knowledge.SearchAsync("Team plan requests per minute", 1))[0].Text);
    }

    [Fact]
    public async Task A_new_article_that_is_invalid_does_not_claim_an_old_version()
    {
        Knowledge.Write("broken.md", "---\ntitle: Never closed\n\nText.");

        var report = await Knowledge.IngestAsync();

        Assert.DoesNotContain("previously indexed", Assert.Single(report.Skipped).Reason);
    }

    public sealed class OnSqlite() : IngestionPipelineTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : IngestionPipelineTests(StorageProvider.PostgreSQL);
}
