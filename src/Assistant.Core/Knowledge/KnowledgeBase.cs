using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge;

/// <summary>
/// The one entry point for keeping the index current: ingest a source, then swap in a fresh snapshot. Runs are
/// serialised, because two concurrent ingests of one store would race on the same documents: in this process by a
/// gate, across replicas by <see cref="AdvisoryLocks.Ingestion"/>, so replicas starting together ingest one after the
/// other and the later ones find the documents unchanged. An ingest returns once the keyword index is served; vectors
/// follow (<see cref="VectorBackfill"/>), in the background in the web host, in the foreground for one-shot commands
/// (<see cref="IngestAndEmbedDefaultFolderAsync"/>).
/// </summary>
public sealed class KnowledgeBase(
    IngestionPipeline pipeline,
    KnowledgeIndex index,
    VectorBackfill vectors,
    IReplicaLock replicas,
    IOptions<AssistantOptions> assistant,
    IOptions<IngestionOptions> ingestion)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IngestionReport? LastReport { get; private set; }

    public bool IsIngesting => _gate.CurrentCount == 0;

    public IKnowledgeSource DefaultSource() =>
        new FolderSource(assistant.Value.KnowledgeDirectory, ingestion.Value.MaxFileBytes);

    public Task<IngestionReport> IngestDefaultFolderAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IngestAsync(DefaultSource(), progress, cancellationToken);

    /// <summary>Ingests the knowledge folder and waits until every chunk has a vector: for commands that search once and exit.</summary>
    public async Task<IngestionReport> IngestAndEmbedDefaultFolderAsync(CancellationToken cancellationToken = default)
    {
        var report = await IngestDefaultFolderAsync(cancellationToken: cancellationToken);
        await vectors.RunAsync(cancellationToken: cancellationToken);
        return report;
    }

    public async Task<IngestionReport> IngestAsync(
        IKnowledgeSource source, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            IngestionReport report;
            await using (await replicas.AcquireAsync(AdvisoryLocks.Ingestion, cancellationToken))
            {
                report = await pipeline.RunAsync(source, progress, cancellationToken);
            }
            // Stale also when this run changed nothing: another replica's ingest may have committed while this one waited.
            if (report.ChangedIndex || !index.IsLoaded || await index.IsStaleAsync(cancellationToken))
            {
                await index.ReloadAsync(cancellationToken);
            }
            LastReport = report;
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }
}
