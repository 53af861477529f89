namespace Assistant.Core.Storage;

/// <summary>
/// Durable home of documents and chunks (text, metadata, keyword terms). Vectors live in the vector store
/// (<see cref="Retrieval.Vectors.EmbeddedChunkCollection"/> or Qdrant), joined to chunks by chunk id.
/// </summary>
public interface IKnowledgeStore
{
    Task<IReadOnlyDictionary<string, DocumentEntry>> GetDocumentsAsync(CancellationToken cancellationToken = default);

    Task<ChunkRecord?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default);

    /// <summary>Every chunk with its terms, ordered by document id and ordinal: what an index is built from.</summary>
    Task<IReadOnlyList<ChunkRecord>> LoadAllChunksAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts an all-or-nothing write: nothing is visible to readers until <see cref="IKnowledgeWriteBatch.CommitAsync"/>.</summary>
    Task<IKnowledgeWriteBatch> BeginWriteAsync(string embeddingModel, CancellationToken cancellationToken = default);

    /// <summary>
    /// Identifies the store's content: it changes with every write batch that changed something, and differs between
    /// two stores. Caches derived from the store are valid for one version only.
    /// </summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>The embedding model configured when the store was last written, or null when it is empty.</summary>
    Task<string?> GetEmbeddingModelAsync(CancellationToken cancellationToken = default);
}
