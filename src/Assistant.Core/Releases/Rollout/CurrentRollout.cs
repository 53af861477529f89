using Microsoft.Extensions.Options;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// The rollout every answer asks. Held in memory and read again from the app database once older than
/// Assistant:Releases:RefreshMilliseconds (500 ms by default), so an admin's change (or another replica's rollback) is
/// in force everywhere within a second while an answer costs one read at most twice a second.
/// </summary>
public sealed class CurrentRollout(SqliteRolloutStore store, IOptions<ReleasesOptions> options, TimeProvider clock)
{
    private volatile Snapshot? _snapshot;

    public async ValueTask<RolloutState> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } held && now - held.ReadAt < TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds))
        {
            return held.State;
        }
        var state = await store.ReadAsync(cancellationToken);
        _snapshot = new Snapshot(state, now);
        return state;
    }

    /// <summary>The state at the last read, for code that cannot wait (the feature definition, a gauge); null before the first read.</summary>
    public RolloutState? LastKnown => _snapshot?.State;

    /// <summary>A change made in this process is in force here at once, without waiting for the next read.</summary>
    internal void Hold(RolloutState state) => _snapshot = new Snapshot(state, clock.GetUtcNow());

    private sealed record Snapshot(RolloutState State, DateTimeOffset ReadAt);
}
