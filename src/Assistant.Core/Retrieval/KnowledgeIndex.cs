using System.Diagnostics;
using Assistant.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Holds the current <see cref="IndexSnapshot"/>. A reload uses the saved index segment when it matches the store's
/// generation, and otherwise rebuilds from the store and saves a new segment for the next restart.
/// </summary>
public sealed class KnowledgeIndex(
    IKnowledgeStore store,
    IOptions<RetrievalOptions> options,
    IOptions<AssistantOptions> assistant,
    ILogger<KnowledgeIndex> logger)
{
    private IndexSnapshot _current = IndexSnapshot.Empty;

    public IndexSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded { get; private set; }

    /// <summary>Where the current snapshot came from: "segment" (the saved index file) or "store" (rebuilt).</summary>
    public string? LoadedFrom { get; private set; }

    private string SegmentPath => Path.Combine(Path.GetDirectoryName(assistant.Value.DatabasePath)!, "index.segment");

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var fingerprint = IndexSegment.Fingerprint(await store.GetVersionAsync(cancellationToken), options.Value);
        var snapshot = IndexSegment.TryLoad(SegmentPath, fingerprint);
        var source = "segment";
        if (snapshot is null)
        {
            snapshot = IndexSnapshot.Build(await store.LoadAllChunksAsync(cancellationToken), options.Value);
            source = "store";
            SaveSegment(snapshot, fingerprint);
        }
        Volatile.Write(ref _current, snapshot);
        (IsLoaded, LoadedFrom) = (true, source);
        logger.LogInformation("Loaded index from the {Source}: {Chunks} chunks in {Milliseconds:F0} ms",
            source, snapshot.Chunks.Count, clock.Elapsed.TotalMilliseconds);
    }

    private void SaveSegment(IndexSnapshot snapshot, string fingerprint)
    {
        try
        {
            IndexSegment.Save(SegmentPath, snapshot, fingerprint);
        }
        catch (IOException exception)
        {
            // Only restarts get slower without it; searching is unaffected.
            logger.LogWarning(exception, "Could not save the index segment to {Path}", SegmentPath);
        }
    }
}
