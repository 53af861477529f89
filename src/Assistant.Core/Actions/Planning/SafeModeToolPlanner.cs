using Assistant.Core.Operations;
using Assistant.Core.Releases;

namespace Assistant.Core.Actions.Planning;

/// <summary>
/// The planner as the switches allow: in maintenance nothing is planned (the answer is the maintenance message); while
/// forced offline the intent router plans instead of the model; a plan for a tool that is off is dropped, so the
/// message is answered from the knowledge base instead of proposing it. So is a plan for a tool the asking user's
/// assistant version does not enable.
/// </summary>
public sealed class SafeModeToolPlanner(IToolPlanner planner, RouterToolPlanner router, OperationsSwitches switches, IVersionSelector versions) : IToolPlanner
{
    public Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, CancellationToken cancellationToken = default) =>
        PlanAsync(message, previousMessages, null, cancellationToken);

    public async Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, string? userId, CancellationToken cancellationToken)
    {
        var settings = (await switches.CurrentAsync(cancellationToken)).Settings;
        if (settings.Maintenance || settings.AllToolsOff)
        {
            return null;
        }
        var chosen = settings.ForceOffline ? router : planner;
        var call = await chosen.PlanAsync(message, previousMessages, userId, cancellationToken);
        if (call is null || settings.IsToolOff(call.Tool))
        {
            return null;
        }
        return VersionNotices.Enables((await versions.ChooseAsync(userId, cancellationToken)).Version, call.Tool) ? call : null;
    }
}
