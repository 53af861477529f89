namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// The rollout (one row; none until an admin first starts one) and its event history, in the state database every
/// replica and the CLI share, so a change made through one is read by all.
/// </summary>
public interface IRolloutStore
{
    /// <summary>The stored rollout, or <see cref="RolloutState.Initial"/> when none was ever started.</summary>
    Task<RolloutState> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="state"/> and its event in one transaction, but only when the stored rollout's stable and
    /// candidate are still those of <paramref name="expected"/>: two admins (or an admin and the guards, on any replica)
    /// acting on the same candidate cannot both win. False when another change came first.
    /// </summary>
    Task<bool> WriteAsync(RolloutState expected, RolloutState state, ReleaseEvent happened, CancellationToken cancellationToken = default);

    /// <summary>Events newest first; <paramref name="since"/> limits them to a period (the dashboard's).</summary>
    Task<IReadOnlyList<ReleaseEvent>> EventsAsync(int limit = 50, DateTimeOffset? since = null, CancellationToken cancellationToken = default);

    /// <summary>The time a change is stamped with, as precise as the store keeps it (so a written time reads back equal).</summary>
    DateTimeOffset Now { get; }
}
