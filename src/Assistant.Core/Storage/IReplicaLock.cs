namespace Assistant.Core.Storage;

/// <summary>
/// A lock every replica of the app agrees on, for work only one of them may do at a time (an ingest, an embedding
/// backfill). Keys are the <see cref="Postgres.AdvisoryLocks"/> constants.
/// </summary>
public interface IReplicaLock
{
    /// <summary>Waits until no other replica holds <paramref name="key"/>, then holds it until the result is disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(long key, CancellationToken cancellationToken = default);
}
