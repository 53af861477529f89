using Assistant.Core.Retrieval.Keyword;
using Assistant.Core.Storage;

namespace Assistant.Core.Retrieval;

/// <summary>
/// An immutable, searchable image of the store at one moment: the chunks and their keyword index. Searches hold a
/// reference to one snapshot, so a re-index swaps in a new one without ever showing a half-built index. Vectors live
/// in the vector store, not here; its hits join the snapshot by chunk id (<see cref="IndexOf"/>).
/// </summary>
public sealed class IndexSnapshot
{
    private readonly Lazy<Dictionary<string, int>> _positions;

    private IndexSnapshot(IReadOnlyList<ChunkRecord> chunks, Bm25Index keyword, int documents)
    {
        Chunks = chunks;
        Keyword = keyword;
        DocumentCount = documents;
        // Built on the first vector search rather than on load, so a restart stays as fast as the keyword index.
        _positions = new(() =>
        {
            var positions = new Dictionary<string, int>(chunks.Count, StringComparer.Ordinal);
            for (var i = 0; i < chunks.Count; i++)
            {
                positions[chunks[i].Id] = i;
            }
            return positions;
        });
    }

    public static IndexSnapshot Empty { get; } = Build([], new RetrievalOptions());

    public IReadOnlyList<ChunkRecord> Chunks { get; }

    public Bm25Index Keyword { get; }

    public int DocumentCount { get; }

    public DateTimeOffset BuiltAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The position of a chunk in <see cref="Chunks"/>, or null when this snapshot does not hold it.</summary>
    public int? IndexOf(string chunkId) => _positions.Value.TryGetValue(chunkId, out var position) ? position : null;

    internal static IndexSnapshot FromParts(IReadOnlyList<ChunkRecord> chunks, Bm25Index keyword) =>
        new(chunks, keyword, chunks.Select(chunk => chunk.DocumentId).Distinct(StringComparer.Ordinal).Count());

    public static IndexSnapshot Build(IReadOnlyList<ChunkRecord> chunks, RetrievalOptions options)
    {
        var keyword = Bm25Index.Build(chunks.Select(chunk => chunk.Terms).ToList(), options.K1, options.B, options.TitleWeight);
        // Terms now live in the keyword index; the records keep only what a hit shows.
        var slim = chunks.Select(chunk => chunk with { Terms = KeywordTerms.Empty, Vector = ReadOnlyMemory<float>.Empty }).ToList();
        var documents = chunks.Select(chunk => chunk.DocumentId).Distinct(StringComparer.Ordinal).Count();
        return new IndexSnapshot(slim, keyword, documents);
    }
}
