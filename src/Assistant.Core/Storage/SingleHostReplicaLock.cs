namespace Assistant.Core.Storage;

/// <summary>
/// The lock on SQLite, where there is one host: its callers' own in-process gates already run their work one at a
/// time, and a second process (the CLI) waits for the knowledge file's write lock, as before replicas existed.
/// </summary>
public sealed class SingleHostReplicaLock : IReplicaLock
{
    public Task<IAsyncDisposable> AcquireAsync(long key, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(Held.Instance);

    private sealed class Held : IAsyncDisposable
    {
        public static readonly Held Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
