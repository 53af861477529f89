namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Which chunks the vector store holds a vector for, by content hash, and from which embedding model: in the
/// knowledge file on SQLite (<see cref="VectorLedger"/>), in the shared database on PostgreSQL
/// (<see cref="PostgresVectorLedger"/>), whatever the vector store is.
/// </summary>
public interface IVectorLedger
{
    /// <summary>The model whose vectors the collection holds, or null before the first backfill.</summary>
    Task<string?> GetModelAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every entry and records the new model: called after the collection was emptied.</summary>
    Task ResetAsync(string model, CancellationToken cancellationToken);

    /// <summary>Chunk id to the content hash its stored vector was computed from.</summary>
    Task<Dictionary<string, string>> LoadAsync(CancellationToken cancellationToken);

    Task RecordAsync(IEnumerable<(string ChunkId, string ContentHash)> entries, CancellationToken cancellationToken);

    Task ForgetAsync(IEnumerable<string> chunkIds, CancellationToken cancellationToken);
}
