namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Where <see cref="EmbeddedChunkCollection"/> persists its records: the knowledge file on SQLite
/// (<see cref="EmbeddedVectorTable"/>), the shared database on PostgreSQL (<see cref="PostgresEmbeddedVectorTable"/>).
/// Every write returns the collection's new generation, which goes up with every write by any process or replica.
/// </summary>
internal interface IEmbeddedVectorTable
{
    Task<bool> ExistsAsync(CancellationToken cancellationToken);

    Task<long> GenerationAsync(CancellationToken cancellationToken);

    Task<long> CreateAsync(int dimensions, CancellationToken cancellationToken);

    Task<long> DropAsync(CancellationToken cancellationToken);

    /// <summary>Every record of the collection with its vector; rows of another size (an older model) are left out.</summary>
    Task<List<ChunkVector>> LoadAsync(int dimensions, CancellationToken cancellationToken);

    Task<long> UpsertAsync(IReadOnlyList<ChunkVector> records, CancellationToken cancellationToken);

    Task<long> DeleteAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken);
}
