namespace Assistant.Core.Handoffs;

/// <summary>Requests for a human to take over a conversation; support agents work through them.</summary>
public interface IHandoffStore
{
    Task<Handoff> CreateAsync(string conversationId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a handoff from one status to the next, only if it is still in <paramref name="from"/>; returns null when
    /// it was not (someone else got there first), so two agents can never both claim one.
    /// </summary>
    Task<Handoff?> TransitionAsync(string id, string from, string to, string agentId, CancellationToken cancellationToken = default);

    Task<Handoff?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Handoff>> ListAsync(string? status = null, CancellationToken cancellationToken = default);
}
