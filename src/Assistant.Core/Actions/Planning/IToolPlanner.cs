namespace Assistant.Core.Actions.Planning;

/// <summary>
/// Reads a tool request out of what the user wrote. Planners only see the user's own messages, never retrieved
/// articles, and only propose: <see cref="Proposing.ActionProposals"/> and the people its policy names decide.
/// </summary>
public interface IToolPlanner
{
    /// <summary>The proposed call, or null when the message asks for no action.</summary>
    Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, CancellationToken cancellationToken = default);

    /// <summary>The same for <paramref name="userId"/>: a planner that calls a model charges it to that user's budget.</summary>
    Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, string? userId, CancellationToken cancellationToken) =>
        PlanAsync(message, previousMessages, cancellationToken);
}
