namespace Assistant.Core.Actions;

/// <summary>Durable pending actions: they survive restarts, and every status change is one guarded, recorded step.</summary>
public interface IPendingActionStore
{
    Task<PendingAction> CreateAsync(PendingAction action, CancellationToken cancellationToken = default);

    Task<PendingAction?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Actions in the given statuses (all when empty), oldest first; optionally one requester's or one conversation's.</summary>
    Task<IReadOnlyList<PendingAction>> ListAsync(IReadOnlyCollection<string> statuses, string? requestedBy = null, string? conversationId = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an action to <paramref name="to"/> only if it is in one of <paramref name="from"/>, recording the
    /// transition in the same transaction. Returns null when it was not (someone else acted first, or it expired):
    /// of two simultaneous approvals exactly one succeeds. A new <paramref name="expiresAt"/> restarts the clock (a
    /// request the user submitted now waits for a reviewer).
    /// </summary>
    Task<PendingAction?> TransitionAsync(string id, IReadOnlyCollection<string> from, string to, string actor, string role, string? reason,
        string? result = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ActionTransition>> HistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Moves every waiting action whose time is up to expired; returns them.</summary>
    Task<IReadOnlyList<PendingAction>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
