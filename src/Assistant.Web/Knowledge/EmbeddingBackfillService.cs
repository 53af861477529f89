using Assistant.Core.Answers.Semantic;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.VectorData;

namespace Assistant.Web.Knowledge;

/// <summary>
/// Fills in vectors behind the keyword index: whenever the served index changes (start-up load, an ingest here or by
/// another process), it runs <see cref="VectorBackfill"/> until every chunk has a vector of the current model, then
/// embeds the passage sentences the semantic answer checks compare with (<see cref="SentenceWarmup"/>). The host
/// answers by keyword meanwhile. A failed pass is logged, shown on /api/health, and retried.
/// </summary>
public sealed class EmbeddingBackfillService(
    KnowledgeIndex index,
    VectorBackfill backfill,
    VectorStoreCollection<Guid, ChunkVector> vectors,
    SentenceWarmup sentences,
    ILogger<EmbeddingBackfillService> logger) : BackgroundService
{
    // Checking whether the served index changed is an in-memory comparison, so a short tick costs nothing and the
    // backfill starts right after an ingest commits. Looking for another process's vectors reads the database, so
    // that happens less often.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? embeddedVersion = null;
        var retryAt = DateTimeOffset.MinValue;
        var refreshAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(Tick);
        do
        {
            if (!index.IsLoaded || (index.Version == embeddedVersion && backfill.Status.State == EmbeddingState.Complete) || DateTimeOffset.UtcNow < retryAt)
            {
                if (DateTimeOffset.UtcNow >= refreshAt)
                {
                    refreshAt = DateTimeOffset.UtcNow + RefreshEvery;
                    await RefreshAsync(stoppingToken);
                }
                continue;
            }
            var version = index.Version;
            try
            {
                await backfill.RunAsync(cancellationToken: stoppingToken);
                embeddedVersion = version;
                await sentences.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                retryAt = DateTimeOffset.UtcNow + RetryAfterFailure;
                logger.LogError(exception, "Embedding the knowledge index failed; search stays keyword-only for the chunks without vectors, retrying in {Seconds}s",
                    RetryAfterFailure.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // Vectors another process (assistant ingest) added to the embedded store become visible here too.
    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        if (vectors is not EmbeddedChunkCollection embedded)
        {
            return;
        }
        try
        {
            await embedded.RefreshIfChangedAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not check the vector store for changes");
        }
    }
}
