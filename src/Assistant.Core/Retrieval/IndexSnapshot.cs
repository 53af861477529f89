using Assistant.Core.Retrieval.Keyword;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;

namespace Assistant.Core.Retrieval;

/// <summary>
/// An immutable, searchable image of the store at one moment. Searches hold a reference to one snapshot, so a
/// re-index swaps in a new one without ever showing a half-built index.
/// </summary>
public sealed class IndexSnapshot
{
    private IndexSnapshot(IReadOnlyList<ChunkRecord> chunks, Bm25Index keyword, VectorIndex vectors, int documents)
    {
        Chunks = chunks;
        Keyword = keyword;
        Vectors = vectors;
        DocumentCount = documents;
    }

    public static IndexSnapshot Empty { get; } = Build([], new RetrievalOptions());

    public IReadOnlyList<ChunkRecord> Chunks { get; }

    public Bm25Index Keyword { get; }

    public VectorIndex Vectors { get; }

    public int DocumentCount { get; }

    public DateTimeOffset BuiltAt { get; } = DateTimeOffset.UtcNow;

    internal static IndexSnapshot FromParts(IReadOnlyList<ChunkRecord> chunks, Bm25Index keyword, VectorIndex vectors) =>
        new(chunks, keyword, vectors, chunks.Select(chunk => chunk.DocumentId).Distinct(StringComparer.Ordinal).Count());

    public static IndexSnapshot Build(IReadOnlyList<ChunkRecord> chunks, RetrievalOptions options)
    {
        // The two indexes are independent: build them side by side, which nearly halves a rebuild on two cores.
        Bm25Index? keyword = null;
        VectorIndex? vectors = null;
        Parallel.Invoke(
            () => keyword = Bm25Index.Build(chunks.Select(chunk => chunk.Terms).ToList(), options.K1, options.B, options.TitleWeight),
            () => vectors = VectorIndex.Build(chunks.Select(chunk => chunk.Vector).ToList()));
        // Terms and vectors now live in the two indexes; the records keep only what a hit shows.
        var slim = chunks.Select(chunk => chunk with { Terms = KeywordTerms.Empty, Vector = ReadOnlyMemory<float>.Empty }).ToList();
        var documents = chunks.Select(chunk => chunk.DocumentId).Distinct(StringComparer.Ordinal).Count();
        return new IndexSnapshot(slim, keyword!, vectors!, documents);
    }
}
