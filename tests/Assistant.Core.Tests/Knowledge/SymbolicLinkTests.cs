using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

/// <summary>
/// Real symbolic links in a temp knowledge folder: only files whose real path is inside the folder are read, each
/// once, and every link not followed is in the report with its reason.
/// </summary>
public sealed class SymbolicLinkTests : IDisposable
{
    private readonly TestKnowledgeBase _knowledge = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("assistant-outside-").FullName;

    private string InKnowledge(string relative) => Path.Combine(_knowledge.KnowledgeDirectory, relative);

    private Dictionary<string, string> Reasons(Core.Knowledge.Ingestion.IngestionReport report) =>
        report.Skipped.ToDictionary(s => s.SourcePath, s => s.Reason);

    [Fact]
    public async Task A_link_to_a_file_outside_the_folder_is_not_read_and_is_reported()
    {
        var secret = Path.Combine(_outside, "passwd");
        File.WriteAllText(secret, "root:x:0:0:root:/root:/bin/bash\nsecretaccount:x:1000:1000::/home/secret:/bin/sh\n");
        _knowledge.Write("guide.md", TestKnowledgeBase.Article("Guide", "## Start\n\nOpen the dashboard to begin."));
        File.CreateSymbolicLink(InKnowledge("passwd.md"), secret);

        var report = await _knowledge.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Contains("outside the knowledge folder", Reasons(report)["passwd.md"]);
        Assert.DoesNotContain(await _knowledge.SearchAsync("root x 0 0 secretaccount bin bash", 10), hit => hit.Text.Contains("secretaccount"));
    }

    [Fact]
    public async Task A_link_to_a_folder_outside_is_not_followed_and_is_reported()
    {
        Directory.CreateDirectory(Path.Combine(_outside, "docs"));
        File.WriteAllText(Path.Combine(_outside, "docs", "private.md"), TestKnowledgeBase.Article("Private", "## Salaries\n\nThe salary table lives here."));
        _knowledge.Write("guide.md", TestKnowledgeBase.Article("Guide", "## Start\n\nOpen the dashboard to begin."));
        Directory.CreateSymbolicLink(InKnowledge("external"), Path.Combine(_outside, "docs"));

        var report = await _knowledge.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Contains("outside the knowledge folder", Reasons(report)["external"]);
        Assert.DoesNotContain(await _knowledge.SearchAsync("salary table", 10), hit => hit.DocumentId.StartsWith("external", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_loop_is_walked_once_and_reported()
    {
        _knowledge.Write("bad/article.md", TestKnowledgeBase.Article("Article", "## Part\n\nOnly one copy of this text."));
        Directory.CreateSymbolicLink(InKnowledge("bad/loop"), "../bad");
        Directory.CreateSymbolicLink(InKnowledge("bad/self"), "self"); // a link to itself never resolves

        var report = await _knowledge.IngestAsync();

        Assert.Equal(1, report.Added);
        var documents = await _knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["bad/article"], documents.Keys.ToArray());
        var reasons = Reasons(report);
        Assert.Contains("folder inside the knowledge folder; not followed", reasons["bad/loop"]);
        Assert.Contains("loop", reasons["bad/self"]);
        Assert.Equal(2, report.Skipped.Count);
    }

    [Fact]
    public async Task Two_links_to_one_file_inside_read_it_once_at_its_own_path()
    {
        _knowledge.Write("billing/refunds.md", TestKnowledgeBase.Article("Refunds", "## Window\n\nRefunds are possible within 30 days."));
        File.CreateSymbolicLink(InKnowledge("refunds-link.md"), "billing/refunds.md");
        Directory.CreateDirectory(InKnowledge("aliases"));
        File.CreateSymbolicLink(InKnowledge("aliases/money-back.md"), InKnowledge("billing/refunds.md"));

        var report = await _knowledge.IngestAsync();

        Assert.Equal(1, report.Added);
        var reasons = Reasons(report);
        Assert.Contains("'billing/refunds.md'", reasons["refunds-link.md"]);
        Assert.Contains("'billing/refunds.md'", reasons["aliases/money-back.md"]);
        var hits = await _knowledge.SearchAsync("refunds within 30 days", 10);
        Assert.Single(hits, hit => hit.Text.Contains("within 30 days"));
    }

    [Fact]
    public async Task A_link_to_a_file_inside_that_nothing_else_reads_is_an_article()
    {
        Directory.CreateDirectory(InKnowledge("drafts"));
        File.WriteAllText(InKnowledge("drafts/limits.draft"), TestKnowledgeBase.Article("Limits", "## Per minute\n\nThe Team plan allows 1,200 requests per minute."));
        File.CreateSymbolicLink(InKnowledge("limits.md"), "drafts/limits.draft");

        var report = await _knowledge.IngestAsync();

        Assert.Empty(report.Skipped);
        Assert.Equal("limits", (await _knowledge.SearchAsync("Team plan requests per minute", 1))[0].DocumentId);
    }

    [Fact]
    public async Task An_article_replaced_by_a_link_outside_leaves_the_index()
    {
        _knowledge.Write("notes.md", TestKnowledgeBase.Article("Notes", "## Old\n\nThe old notes mention a blue lighthouse."));
        await _knowledge.IngestAsync();
        File.WriteAllText(Path.Combine(_outside, "notes.md"), TestKnowledgeBase.Article("Notes", "## New\n\nOutside text about a green harbour."));
        File.Delete(InKnowledge("notes.md"));
        File.CreateSymbolicLink(InKnowledge("notes.md"), Path.Combine(_outside, "notes.md"));

        var report = await _knowledge.IngestAsync();

        Assert.Contains("outside the knowledge folder", Reasons(report)["notes.md"]);
        Assert.Equal(1, report.Deleted);
        Assert.Empty(await _knowledge.Store.GetDocumentsAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        _knowledge.Dispose();
        Directory.Delete(_outside, recursive: true);
    }
}
