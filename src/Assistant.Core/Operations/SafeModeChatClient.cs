using System.Runtime.CompilerServices;
using Assistant.Core.Models.Middleware;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Operations;

/// <summary>
/// The outermost layer of the answer generator: while Assistant:Operations:ForceOffline (or an admin) says so, each
/// call goes to the extractive generator instead of the model pipeline, and the answer carries a notice that says so.
/// Asked per call, so the switch is in force for the next answer.
/// </summary>
public sealed class SafeModeChatClient(IChatClient model, IChatClient offline, OperationsSwitches switches) : DelegatingChatClient(model)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!(await switches.CurrentAsync(cancellationToken)).Settings.ForceOffline)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        var response = await offline.GetResponseAsync(messages, options, cancellationToken);
        (response.AdditionalProperties ??= [])[ModelNotices.Key] = OperationsNotices.ForcedOffline;
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var forced = (await switches.CurrentAsync(cancellationToken)).Settings.ForceOffline;
        var source = forced ? offline : InnerClient;
        await foreach (var update in source.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (forced)
            {
                // The last notice an update carries is the one shown: this one wins over the extractive generator's own.
                (update.AdditionalProperties ??= [])[ModelNotices.Key] = OperationsNotices.ForcedOffline;
            }
            yield return update;
        }
    }
}
