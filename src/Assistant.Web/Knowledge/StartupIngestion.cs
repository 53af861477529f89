using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Knowledge;

/// <summary>
/// At start-up, loads the last committed index (so search works within a second of a restart), then ingests the
/// knowledge folder in the background and swaps in the result. A failed ingest is logged and shown on /api/health;
/// the previous index keeps serving.
/// </summary>
public sealed class StartupIngestion(
    KnowledgeIndex index,
    KnowledgeBase knowledge,
    IOptions<IngestionOptions> options,
    ILogger<StartupIngestion> logger) : IHostedService
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Completes when the start-up ingest has finished (or failed, or was turned off).</summary>
    public Task Completed => _completed.Task;

    public string? Error { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await index.ReloadAsync(cancellationToken);
        if (!options.Value.IngestOnStartup)
        {
            _completed.SetResult();
            return;
        }
        _ = Task.Run(IngestAsync, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private async Task IngestAsync()
    {
        try
        {
            await knowledge.IngestDefaultFolderAsync(cancellationToken: _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Error = exception.Message;
            logger.LogError(exception, "Start-up ingestion failed; the previous index stays in use");
        }
        finally
        {
            _completed.TrySetResult();
        }
    }
}
