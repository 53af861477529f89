using Assistant.Core.Knowledge;
using Assistant.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Knowledge;

/// <summary>
/// Picks up an index that another process (<c>assistant ingest</c>, a second host) committed to the knowledge file:
/// every few seconds it compares the store's committed version with the one being served and reloads when they
/// differ. An ingest commits in one transaction and the reload swaps the snapshot whole, so searches see either the
/// old index or the new one, never a half-built one.
/// </summary>
public sealed class IndexVersionWatcher(
    KnowledgeIndex index,
    KnowledgeBase knowledge,
    StartupIngestion startup,
    IOptions<IndexWatchOptions> options,
    ILogger<IndexVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // This host's own ingest reloads when it commits; the start-up load must have happened first.
            if (!index.IsLoaded || knowledge.IsIngesting || !startup.Completed.IsCompleted)
            {
                continue;
            }
            try
            {
                if (await index.IsStaleAsync(stoppingToken))
                {
                    await index.ReloadAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The current snapshot keeps serving; the next tick tries again.
                logger.LogWarning(exception, "Could not check or reload the knowledge index");
            }
        }
    }
}
