using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

/// <summary>
/// Two replicas of one deployment on one knowledge store: on PostgreSQL two hosts' services on one database, on
/// SQLite two processes' services on one data folder. An ingest commits in one transaction and a replica swaps in a
/// snapshot built whole, so a replica answers from the old index or the new one, never from a half-written one.
/// </summary>
public abstract class ReplicaIngestionTests(StorageProvider provider) : KnowledgeReplicaTests(provider)
{
    [Fact]
    public async Task Another_replica_answers_from_the_old_index_while_an_ingest_is_paused_mid_batch_and_from_the_new_one_once_it_commits()
    {
        var (writer, reader) = (Replica("a"), Replica("b"));
        WriteArticle("alpha", "Alpha refunds take 30 days.");
        WriteArticle("beta", "Beta invoices are sent monthly.");
        await writer.IngestAsync();
        await reader.Get<KnowledgeIndex>().ReloadAsync(Cancel);
        // Searched once before the pause: on SQLite a first use creates tables, which would wait for the paused writer.
        await reader.SearchAsync("alpha refunds days", 1);
        var published = reader.Get<KnowledgeIndex>().Version;

        WriteArticle("alpha", "Alpha refunds take 45 days.");
        WriteArticle("gamma", "Gamma shipping is free.");
        var knowledgeBase = writer.Get<KnowledgeBase>();
        var source = new PausingSource(knowledgeBase.DefaultSource(), pauseAfterItems: 2);
        var ingest = knowledgeBase.IngestAsync(source, cancellationToken: Cancel);
        await source.Paused.WaitAsync(Cancel);

        // The edited alpha is written in the paused batch: no replica sees it, nor a version to reload.
        var stale = await reader.Get<KnowledgeIndex>().IsStaleAsync(Cancel);
        await reader.Get<KnowledgeIndex>().ReloadAsync(Cancel);
        var versionDuring = reader.Get<KnowledgeIndex>().Version;
        var during = await reader.SearchAsync("alpha refunds days", 1);
        var documentsDuring = reader.Get<KnowledgeIndex>().Current.DocumentCount;
        var writerDuring = await writer.SearchAsync("alpha refunds days", 1);
        // What a replica's rebuild reads (the reload above may come from its saved segment, the version being unchanged).
        var chunksDuring = await reader.Store.LoadAllChunksAsync(Cancel);

        source.Release();
        var report = await ingest;
        var staleAfter = await reader.Get<KnowledgeIndex>().IsStaleAsync(Cancel);
        await reader.Get<KnowledgeIndex>().ReloadAsync(Cancel);
        var after = await reader.SearchAsync("alpha refunds days", 1);

        Assert.False(stale);
        Assert.Equal(published, versionDuring);
        Assert.Contains("30 days", during[0].Text);
        Assert.Equal(2, documentsDuring);
        Assert.Contains("30 days", writerDuring[0].Text);
        Assert.Equal(["alpha", "beta"], chunksDuring.Select(chunk => chunk.DocumentId).Distinct());
        Assert.Contains(chunksDuring, chunk => chunk.Text.Contains("30 days"));
        Assert.DoesNotContain(chunksDuring, chunk => chunk.Text.Contains("45 days"));
        Assert.Equal((1, 1), (report.Added, report.Updated));
        Assert.True(staleAfter);
        Assert.Contains("45 days", after[0].Text);
        Assert.Equal(3, reader.Get<KnowledgeIndex>().Current.DocumentCount);
        Assert.Equal(await reader.Store.GetVersionAsync(Cancel), reader.Get<KnowledgeIndex>().Version);
    }

    public sealed class OnSqlite() : ReplicaIngestionTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : ReplicaIngestionTests(StorageProvider.PostgreSQL);
}
