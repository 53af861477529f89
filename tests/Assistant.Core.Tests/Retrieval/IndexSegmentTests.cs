using Assistant.Core.Retrieval;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class IndexSegmentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-segment-").FullName;

    private TestKnowledgeBase Open() => new(settings: new()
    {
        ["Assistant:DataDirectory"] = Path.Combine(_root, "data"),
        ["Assistant:KnowledgeDirectory"] = Path.Combine(_root, "knowledge"),
    });

    private string Segment => Path.Combine(_root, "data", "index.segment");

    private void Write(string name, string body) =>
        File.WriteAllText(Path.Combine(_root, "knowledge", name), TestKnowledgeBase.Article(name, body));

    public IndexSegmentTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "knowledge"));
        Write("a.md", "## Limits\n\nThe Team plan allows 1,200 requests per minute.");
        Write("b.md", "## Refunds\n\nAnnual plans are refunded within 30 days.");
    }

    [Fact]
    public async Task A_restart_with_nothing_changed_loads_the_saved_segment_and_searches_the_same()
    {
        IReadOnlyList<SearchHit> before;
        using (var first = Open())
        {
            await first.IngestAsync();
            before = await first.SearchAsync("requests per minute");
            Assert.Equal("store", first.Get<KnowledgeIndex>().LoadedFrom);
        }

        using var second = Open();
        var report = await second.IngestAsync();
        var after = await second.SearchAsync("requests per minute");

        Assert.Equal(2, report.Unchanged);
        Assert.Equal("segment", second.Get<KnowledgeIndex>().LoadedFrom);
        Assert.Equivalent(before, after, strict: true);
    }

    [Fact]
    public async Task A_segment_from_before_a_change_is_not_used()
    {
        using (var first = Open())
        {
            await first.IngestAsync();
        }
        var stale = File.ReadAllBytes(Segment);
        Write("b.md", "## Refunds\n\nAnnual plans are refunded within 45 days.");
        using (var second = Open())
        {
            await second.IngestAsync();
        }
        File.WriteAllBytes(Segment, stale);

        using var third = Open();
        await third.Get<KnowledgeIndex>().ReloadAsync(TestContext.Current.CancellationToken);

        Assert.Equal("store", third.Get<KnowledgeIndex>().LoadedFrom);
        Assert.Contains("45 days", (await third.SearchAsync("refunded annual"))[0].Text);
    }

    [Fact]
    public async Task A_damaged_segment_falls_back_to_the_store_and_is_rewritten()
    {
        using (var first = Open())
        {
            await first.IngestAsync();
        }
        var bytes = File.ReadAllBytes(Segment);
        File.WriteAllBytes(Segment, bytes[..(bytes.Length / 2)]);

        using var second = Open();
        await second.Get<KnowledgeIndex>().ReloadAsync(TestContext.Current.CancellationToken);

        Assert.Equal("store", second.Get<KnowledgeIndex>().LoadedFrom);
        Assert.Equal("a", (await second.SearchAsync("requests per minute"))[0].DocumentId);
        Assert.Equal(bytes.Length, new FileInfo(Segment).Length);
    }

    [Fact]
    public async Task A_new_database_never_uses_a_segment_left_by_an_old_one()
    {
        using (var first = Open())
        {
            await first.IngestAsync();
        }
        var old = File.ReadAllBytes(Segment);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.Combine(_root, "data"), "knowledge.db*"))
        {
            File.Delete(file);
        }
        File.WriteAllBytes(Segment, old);

        using var second = Open();
        await second.IngestAsync();

        Assert.Equal("store", second.Get<KnowledgeIndex>().LoadedFrom);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
