using System.Diagnostics;
using Assistant.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Holds the current <see cref="IndexSnapshot"/>. A reload uses the saved index segment when it matches the store's
/// generation, and otherwise rebuilds from the store and saves a new segment for the next restart. Another process
/// (the CLI) may ingest into the same store: <see cref="Version"/> is what a watcher compares the store's with.
/// </summary>
public sealed class KnowledgeIndex(
    IKnowledgeStore store,
    IOptions<RetrievalOptions> options,
    IOptions<AssistantOptions> assistant,
    ILogger<KnowledgeIndex> logger)
{
    // A rebuild reads the store a few times; after this many commits landing in between, the last read wins anyway.
    private const int MaxRebuildAttempts = 5;

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private IndexSnapshot _current = IndexSnapshot.Empty;

    public IndexSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded { get; private set; }

    /// <summary>Where the current snapshot came from: "segment" (the saved index file) or "store" (rebuilt).</summary>
    public string? LoadedFrom { get; private set; }

    /// <summary>The store version (store id and committed generation) the current snapshot was built from.</summary>
    public string? Version { get; private set; }

    private string SegmentPath => Path.Combine(Path.GetDirectoryName(assistant.Value.DatabasePath)!, "index.segment");

    /// <summary>Whether the store holds a committed index version other than the one being served.</summary>
    public async Task<bool> IsStaleAsync(CancellationToken cancellationToken = default) =>
        await store.GetVersionAsync(cancellationToken) != Version;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        // Serialised so a slow reload can never swap in an older snapshot after a faster, newer one.
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var (snapshot, version, source) = await LoadAsync(cancellationToken);
            Volatile.Write(ref _current, snapshot);
            (IsLoaded, LoadedFrom, Version) = (true, source, version);
            logger.LogInformation("Loaded index version {Version} from the {Source}: {Chunks} chunks in {Milliseconds:F0} ms",
                version, source, snapshot.Chunks.Count, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task<(IndexSnapshot Snapshot, string Version, string Source)> LoadAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var fingerprint = IndexSegment.Fingerprint(version, options.Value);
            if (IndexSegment.TryLoad(SegmentPath, fingerprint) is { } saved)
            {
                return (saved, version, "segment");
            }
            // The chunks are read over several connections; a commit by another process in between could mix two
            // versions, so the rebuild only counts when the committed version is the same before and after.
            var chunks = await store.LoadAllChunksAsync(cancellationToken);
            var after = await store.GetVersionAsync(cancellationToken);
            if (after == version)
            {
                var snapshot = IndexSnapshot.Build(chunks, options.Value);
                SaveSegment(snapshot, fingerprint);
                return (snapshot, version, "store");
            }
            if (attempt == MaxRebuildAttempts)
            {
                // Still changing: serve what was read, unsaved and marked unsettled, so the next check reloads it.
                return (IndexSnapshot.Build(chunks, options.Value), $"{after}:unsettled", "store");
            }
            version = after;
        }
    }

    private void SaveSegment(IndexSnapshot snapshot, string fingerprint)
    {
        try
        {
            IndexSegment.Save(SegmentPath, snapshot, fingerprint);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only restarts get slower without it; searching is unaffected.
            logger.LogWarning(exception, "Could not save the index segment to {Path}", SegmentPath);
        }
    }
}
