namespace Assistant.Core.Actions.Access;

/// <summary>The read side: one action, a list, a history, each only as far as the viewer may see.</summary>
public sealed class ActionReader(IPendingActionStore store, ActionOutcomes outcomes)
{
    /// <summary>The action if the viewer may see it: its requester, or support staff.</summary>
    public async Task<ActionView?> GetAsync(string id, Actor viewer, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) is { } action && ActionAccess.MaySee(action, viewer) ? outcomes.View(action) : null;

    /// <summary>The viewer's own actions, or for staff everyone's; filtered by status and conversation.</summary>
    public async Task<IReadOnlyList<ActionView>> ListAsync(Actor viewer, IReadOnlyCollection<string> statuses, string? conversationId = null, bool everyone = false,
        CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(statuses, ActionAccess.ListedFor(viewer, everyone), conversationId, cancellationToken)).Select(outcomes.View)];

    /// <summary>Every step the action took. Callers check the viewer may see the action first.</summary>
    public Task<IReadOnlyList<ActionTransition>> HistoryAsync(string id, CancellationToken cancellationToken = default) => store.HistoryAsync(id, cancellationToken);
}
