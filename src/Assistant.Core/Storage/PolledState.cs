namespace Assistant.Core.Storage;

/// <summary>
/// State kept in the app database that every request asks for (the kill switches, the rollout): held in memory and
/// read again once older than the refresh interval, so a change made by another replica is in force here within that
/// interval while requests cost one read per interval at most.
/// </summary>
public sealed class PolledState<T>(Func<CancellationToken, Task<T>> read, Func<TimeSpan> refresh, TimeProvider clock) where T : class
{
    private volatile Snapshot? _snapshot;

    public async ValueTask<T> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } held && now - held.ReadAt < refresh())
        {
            return held.State;
        }
        var state = await read(cancellationToken);
        _snapshot = new Snapshot(state, now);
        return state;
    }

    /// <summary>The state at the last read, for code that cannot wait (a page rendering synchronously, a gauge); null before the first read.</summary>
    public T? LastKnown => _snapshot?.State;

    /// <summary>A change made in this process is in force here at once, without waiting for the next read.</summary>
    public void Hold(T state) => _snapshot = new Snapshot(state, clock.GetUtcNow());

    private sealed record Snapshot(T State, DateTimeOffset ReadAt);
}
