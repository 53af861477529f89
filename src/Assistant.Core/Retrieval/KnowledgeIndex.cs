using System.Diagnostics;
using Assistant.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

/// <summary>Holds the current <see cref="IndexSnapshot"/> and rebuilds it from the store after an ingest.</summary>
public sealed class KnowledgeIndex(IKnowledgeStore store, IOptions<RetrievalOptions> options, ILogger<KnowledgeIndex> logger)
{
    private IndexSnapshot _current = IndexSnapshot.Empty;

    public IndexSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var chunks = await store.LoadAllChunksAsync(cancellationToken);
        var read = clock.Elapsed;
        Volatile.Write(ref _current, IndexSnapshot.Build(chunks, options.Value));
        IsLoaded = true;
        logger.LogInformation("Loaded index: {Chunks} chunks in {Total:F0} ms ({Read:F0} ms reading the store, {Build:F0} ms building)",
            chunks.Count, clock.Elapsed.TotalMilliseconds, read.TotalMilliseconds, (clock.Elapsed - read).TotalMilliseconds);
    }
}
