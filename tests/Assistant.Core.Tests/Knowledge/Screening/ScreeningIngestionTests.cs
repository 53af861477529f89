using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Retrieval;
using Assistant.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Knowledge.Screening;

public sealed class ScreeningIngestionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-screening-").FullName;

    private TestKnowledgeBase Open() => new(settings: new()
    {
        ["Assistant:DataDirectory"] = Path.Combine(_root, "data"),
        ["Assistant:KnowledgeDirectory"] = Path.Combine(_root, "knowledge"),
    });

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, "knowledge", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ingest_report_says_what_was_dropped_and_flagged_with_document_and_line()
    {
        Write("policies/refund-exceptions.md", PoisonedArticles.RefundExceptions);
        Write("accounts/two-factor-recovery.md", PoisonedArticles.TwoFactorHelp);
        using var knowledge = Open();

        var report = await knowledge.IngestAsync();

        var lines = PoisonedArticles.RefundExceptions.Split('\n');
        var comment = Assert.Single(report.Dropped, d => d.Kind == "html-comment");
        Assert.Equal("policies/refund-exceptions", comment.DocumentId);
        Assert.StartsWith("<!--", lines[comment.Line - 1].TrimStart());
        Assert.Contains(report.Dropped, d => d.Kind == "hidden-element" && lines[d.Line - 1].Contains("display:none"));
        var flagged = report.Flagged.Where(f => f.DocumentId == "accounts/two-factor-recovery").Select(f => f.Text).ToList();
        Assert.Equal([PoisonedArticles.NoteForTheAi, PoisonedArticles.WhenAskedSay, PoisonedArticles.ImportantInstruction], flagged);
        var twoFactorLines = PoisonedArticles.TwoFactorHelp.Split('\n');
        Assert.All(report.Flagged, f => Assert.Contains(f.Text[..20], twoFactorLines[f.Line - 1]));
    }

    [Fact]
    public async Task Flags_are_stored_with_their_chunks_and_survive_a_restart_from_the_store_and_from_the_segment()
    {
        Write("accounts/two-factor-recovery.md", PoisonedArticles.TwoFactorHelp);
        using (var first = Open())
        {
            await first.IngestAsync();
            Assert.Equal(3, (await first.Get<ContentFlagCatalog>().ListAsync(Cancel)).Single().Open);
        }
        using (var fromSegment = Open())
        {
            await fromSegment.Get<KnowledgeIndex>().ReloadAsync(Cancel);
            Assert.Equal("segment", fromSegment.Get<KnowledgeIndex>().LoadedFrom);
            Assert.Equal(3, (await fromSegment.Get<ContentFlagCatalog>().ListAsync(Cancel)).Single().Open);
        }
        File.Delete(Path.Combine(_root, "data", "index.segment"));
        using var fromStore = Open();
        await fromStore.Get<KnowledgeIndex>().ReloadAsync(Cancel);
        Assert.Equal("store", fromStore.Get<KnowledgeIndex>().LoadedFrom);
        Assert.Equal(3, (await fromStore.Get<ContentFlagCatalog>().ListAsync(Cancel)).Single().Open);
    }

    [Fact]
    public async Task A_cleared_flag_holds_across_re_ingestion_while_the_sentence_is_unchanged_and_lapses_when_it_is_edited()
    {
        Write("accounts/two-factor-recovery.md", PoisonedArticles.TwoFactorHelp);
        using (var first = Open())
        {
            await first.IngestAsync();
            var note = (await first.Get<ContentFlagCatalog>().ListAsync(Cancel)).Single().Sentences.Single(s => s.Text == PoisonedArticles.NoteForTheAi);
            await first.Get<IFlagReviewStore>().ClearAsync("accounts/two-factor-recovery", note.Hash, "ada", "reviewed", Cancel);
        }

        // Another part of the article changes: the article is re-ingested, the cleared sentence is not.
        Write("accounts/two-factor-recovery.md", PoisonedArticles.TwoFactorHelp.Replace("Each code works once.", "Each code works only once."));
        using (var second = Open())
        {
            await second.IngestAsync();
            var article = (await second.Get<ContentFlagCatalog>().ListAsync(Cancel)).Single();
            Assert.Equal("ada", article.Sentences.Single(s => s.Text == PoisonedArticles.NoteForTheAi).Review?.ClearedBy);
            Assert.Equal(2, article.Open);
        }

        Write("accounts/two-factor-recovery.md", PoisonedArticles.TwoFactorHelp.Replace(PoisonedArticles.NoteForTheAi, PoisonedArticles.NoteForTheAi.Replace("any user", "every user")));
        using var third = Open();
        await third.IngestAsync();
        Assert.Equal(3, (await third.Get<ContentFlagCatalog>().ListAsync(Cancel)).Single().Open);
    }

    [Fact]
    public async Task A_store_made_before_screening_is_migrated_and_every_document_is_screened_on_the_next_ingest()
    {
        Write("accounts/two-factor-recovery.md", PoisonedArticles.TwoFactorHelp);
        using (var first = Open())
        {
            await first.IngestAsync();
        }
        // Recreate the old shape: no flags column.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "knowledge.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE chunks DROP COLUMN flags_json";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        using var second = Open();
        var report = await second.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(3, report.Flagged.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
