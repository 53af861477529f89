using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

/// <summary>
/// Replicas on one PostgreSQL database take turns to ingest and to embed (advisory locks), so replicas that start
/// together do the work once. SQLite has one host, whose own gates already serialise the work.
/// </summary>
[Trait("Requires", "PostgreSQL")]
public sealed class ReplicaLockTests() : KnowledgeReplicaTests(StorageProvider.PostgreSQL)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Two_replicas_ingesting_at_once_take_turns_and_the_second_finds_nothing_changed_and_serves_the_first_ones_index()
    {
        var (first, second) = (Replica("a"), Replica("b"));
        WriteArticle("alpha", "Alpha refunds take 30 days.");
        WriteArticle("beta", "Beta invoices are sent monthly.");
        WriteArticle("gamma", "Gamma shipping is free.");
        await second.Get<KnowledgeIndex>().ReloadAsync(Cancel);

        var firstBase = first.Get<KnowledgeBase>();
        var source = new PausingSource(firstBase.DefaultSource(), pauseAfterItems: 2);
        var firstIngest = firstBase.IngestAsync(source, cancellationToken: Cancel);
        await source.Paused.WaitAsync(Cancel);
        var secondIngest = second.IngestKeywordsAsync();
        var secondWaited = await Task.WhenAny(secondIngest, Task.Delay(Patience, Cancel)) != secondIngest;

        source.Release();
        var firstReport = await firstIngest;
        var secondReport = await secondIngest;

        Assert.True(secondWaited, "The second replica's ingest ran while the first one held the ingestion lock.");
        Assert.Equal(3, firstReport.Added);
        Assert.Equal((0, 0, 0, 3), (secondReport.Added, secondReport.Updated, secondReport.Deleted, secondReport.Unchanged));
        Assert.Equal(await second.Store.GetVersionAsync(Cancel), second.Get<KnowledgeIndex>().Version);
        Assert.Contains("30 days", (await second.SearchAsync("alpha refunds days", 1))[0].Text);
    }

    [Fact]
    public async Task Two_replicas_backfilling_at_once_embed_each_chunk_once()
    {
        var (firstGenerator, secondGenerator) = (new SlowEmbeddingGenerator(), new SlowEmbeddingGenerator());
        var first = Replica("a", firstGenerator);
        var second = Replica("b", secondGenerator);
        for (var i = 0; i < 4; i++)
        {
            WriteArticle($"article{i}", $"Paragraph of article {i} about topic {i}.");
        }
        await first.IngestKeywordsAsync();
        await second.IngestKeywordsAsync();

        var statuses = await Task.WhenAll(first.EmbedAsync(), second.EmbedAsync());

        Assert.Equal(4, firstGenerator.Passages + secondGenerator.Passages);
        Assert.All(statuses, status => Assert.Equal((EmbeddingState.Complete, 4), (status.State, status.Embedded)));
        var vector = await second.SearchAsync("article 3 topic", 1);
        Assert.NotNull(vector[0].Scores.Vector);
    }

    [Fact]
    public async Task An_ingest_waits_for_the_replica_holding_the_ingestion_lock()
    {
        var (holder, waiter) = (Replica("a"), Replica("b"));
        WriteArticle("alpha", "Alpha refunds take 30 days.");

        var ingest = Task.CompletedTask;
        await using (await holder.Get<IReplicaLock>().AcquireAsync(AdvisoryLocks.Ingestion, Cancel))
        {
            ingest = waiter.IngestKeywordsAsync();
            Assert.NotSame(ingest, await Task.WhenAny(ingest, Task.Delay(Patience, Cancel)));
        }

        await ingest.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(1, waiter.Get<KnowledgeIndex>().Current.DocumentCount);
    }

    [Fact]
    public async Task Waiting_for_the_ingestion_lock_outlasts_the_command_timeout()
    {
        var holder = Replica("a");
        var settings = ReplicaSettings("b");
        settings["Assistant:Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(Database.Settings["Assistant:Storage:ConnectionString"])
        {
            CommandTimeout = 1,
        }.ToString();
        var waiter = Open(settings: settings);
        WriteArticle("alpha", "Alpha refunds take 30 days.");

        Task ingest;
        await using (await holder.Get<IReplicaLock>().AcquireAsync(AdvisoryLocks.Ingestion, Cancel))
        {
            ingest = waiter.IngestKeywordsAsync();
            await Task.Delay(TimeSpan.FromSeconds(2.5), Cancel);
        }

        await ingest.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(1, waiter.Get<KnowledgeIndex>().Current.DocumentCount);
    }

    private TestKnowledgeBase Replica(string name, IEmbeddingGenerator<string, Embedding<float>> generator) =>
        Open(services => services.AddSingleton(generator), ReplicaSettings(name));

    /// <summary>Counts passages and takes a moment per call, so two unserialised backfills would overlap.</summary>
    private sealed class SlowEmbeddingGenerator() : DelegatingEmbeddingGenerator<string, Embedding<float>>(new CountingEmbeddingGenerator())
    {
        public int Passages => ((CountingEmbeddingGenerator)InnerGenerator).Passages;

        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(200, cancellationToken);
            return await base.GenerateAsync(values, options, cancellationToken);
        }
    }
}
