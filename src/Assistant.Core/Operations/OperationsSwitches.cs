using Microsoft.Extensions.Options;

namespace Assistant.Core.Operations;

/// <summary>
/// The switches every request asks. The state is held in memory and read again from the app database once it is
/// older than Assistant:Operations:RefreshMilliseconds (500 ms by default), so a change made by another replica is in
/// force here within a second while a request costs one read at most twice a second.
/// </summary>
public sealed class OperationsSwitches(SqliteOperationsStore store, IOptions<OperationsOptions> options, TimeProvider clock)
{
    private volatile Snapshot? _snapshot;

    public async Task<OperationsState> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } held && now - held.ReadAt < TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds))
        {
            return held.State;
        }
        var state = await store.ReadAsync(cancellationToken) ?? Configured;
        _snapshot = new Snapshot(state, now);
        return state;
    }

    /// <summary>The state at the last read, for a page that renders synchronously; null before the first read.</summary>
    public OperationsState? LastKnown => _snapshot?.State;

    public OperationsState Configured => new(options.Value.ToSettings(), OperationsState.FromConfiguration, null, null);

    /// <summary>A change made in this process is in force here at once, without waiting for the next read.</summary>
    internal void Hold(OperationsState state) => _snapshot = new Snapshot(state, clock.GetUtcNow());

    private sealed record Snapshot(OperationsState State, DateTimeOffset ReadAt);
}
