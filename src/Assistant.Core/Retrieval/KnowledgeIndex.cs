using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

/// <summary>Holds the current <see cref="IndexSnapshot"/> and rebuilds it from the store after an ingest.</summary>
public sealed class KnowledgeIndex(IKnowledgeStore store, IOptions<RetrievalOptions> options)
{
    private IndexSnapshot _current = IndexSnapshot.Empty;

    public IndexSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var chunks = new List<ChunkRecord>();
        await foreach (var chunk in store.ReadAllChunksAsync(cancellationToken))
        {
            chunks.Add(chunk);
        }
        Volatile.Write(ref _current, IndexSnapshot.Build(chunks, options.Value));
        IsLoaded = true;
    }
}
