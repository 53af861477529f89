namespace Assistant.Core.Actions.Planning;

/// <summary>
/// The offline planner over <see cref="IntentRouter"/>. When the user answers a question the router asked ("Which
/// invoice?" → "INV-2026-0455"), the answer is read together with the request it completes.
/// </summary>
public sealed class RouterToolPlanner : IToolPlanner
{
    public Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, CancellationToken cancellationToken = default)
    {
        // The reply is tried as an answer first: a bare invoice number would otherwise route on its own, as a look-up.
        if (previousMessages.Count > 0 && IntentRouter.Route(previousMessages[^1]) is { IsComplete: false } unfinished)
        {
            var completed = IntentRouter.Route(previousMessages[^1] + "\n" + message);
            // Only a reply that fills something in counts; otherwise the user has moved on to something else.
            if (completed is not null && completed.Tool == unfinished.Tool && completed.Missing.Count < unfinished.Missing.Count)
            {
                return Task.FromResult<ProposedToolCall?>(completed);
            }
        }
        return Task.FromResult(IntentRouter.Route(message));
    }
}
