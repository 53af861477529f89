namespace Assistant.Core.Storage;

/// <summary>
/// Durable home of documents and chunks (text, metadata, keyword terms, vectors). Shaped like a VectorData
/// collection (upsert, get, delete; search lives in the index built from it) so a PostgreSQL or Qdrant
/// implementation can sit behind the same contract.
/// </summary>
public interface IKnowledgeStore
{
    Task<IReadOnlyDictionary<string, DocumentEntry>> GetDocumentsAsync(CancellationToken cancellationToken = default);

    Task<ChunkRecord?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default);

    /// <summary>Vectors already computed for chunk content hashes, so unchanged or moved text is not re-embedded.</summary>
    Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetVectorsByContentHashAsync(
        IReadOnlyCollection<string> contentHashes, string embeddingModel, CancellationToken cancellationToken = default);

    /// <summary>Every chunk with its terms and vector, ordered by document id and ordinal: what an index is built from.</summary>
    Task<IReadOnlyList<ChunkRecord>> LoadAllChunksAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts an all-or-nothing write: nothing is visible to readers until <see cref="IKnowledgeWriteBatch.CommitAsync"/>.</summary>
    Task<IKnowledgeWriteBatch> BeginWriteAsync(string embeddingModel, CancellationToken cancellationToken = default);

    /// <summary>
    /// Identifies the store's content: it changes with every write batch that changed something, and differs between
    /// two stores. Caches derived from the store are valid for one version only.
    /// </summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>The embedding model whose vectors the store holds, or null when it is empty.</summary>
    Task<string?> GetEmbeddingModelAsync(CancellationToken cancellationToken = default);
}
