namespace Assistant.Core.Handoffs;

/// <summary>Requests for a human to take over a conversation; support agents work through them.</summary>
public interface IHandoffStore
{
    Task<Handoff> CreateAsync(string conversationId, string reason, CancellationToken cancellationToken = default);

    Task<Handoff?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Handoff>> ListAsync(string? status = null, CancellationToken cancellationToken = default);
}
