using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// The rollout every answer asks. Held in memory and read again from the app database once older than
/// Assistant:Releases:RefreshMilliseconds (500 ms by default), so an admin's change (or another replica's rollback) is
/// in force everywhere within a second while an answer costs one read at most twice a second.
/// </summary>
public sealed class CurrentRollout(IRolloutStore store, IOptions<ReleasesOptions> options, TimeProvider clock)
{
    private readonly PolledState<RolloutState> _state = new(store.ReadAsync, () => TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds), clock);

    public ValueTask<RolloutState> CurrentAsync(CancellationToken cancellationToken = default) => _state.CurrentAsync(cancellationToken);

    /// <summary>The state at the last read, for code that cannot wait (the feature definition, a gauge); null before the first read.</summary>
    public RolloutState? LastKnown => _state.LastKnown;

    /// <summary>A change made in this process is in force here at once, without waiting for the next read.</summary>
    internal void Hold(RolloutState state) => _state.Hold(state);
}
