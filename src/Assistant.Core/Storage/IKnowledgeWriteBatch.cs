namespace Assistant.Core.Storage;

/// <summary>One ingest run's writes. Disposing without committing rolls everything back.</summary>
public interface IKnowledgeWriteBatch : IAsyncDisposable
{
    /// <summary>Replaces a document and all of its chunks.</summary>
    Task UpsertAsync(DocumentEntry document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and its chunks.</summary>
    Task DeleteAsync(string documentId, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}
