using System.Text.Json;
using Assistant.Core.Actions.Proposing;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Actions.SemanticKernel;

/// <summary>
/// Semantic Kernel calls this before it would invoke a function the model chose. For our tools it never invokes:
/// it proposes the call through <see cref="ActionProposals"/> (schema, role, ownership, limits and policy checked
/// there) and gives the model the outcome as the function's result, so the model can tell the user what happens
/// next. Read-only look-ups run at once inside the service, as they do in the chat; anything that changes an account
/// waits for the customer's confirmation or a reviewer's approval. Functions of other plugins pass through.
/// </summary>
internal sealed class ProposeInsteadOfInvokeFilter(ActionProposals proposals, Actor requester, ActionOrigin origin) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        if (context.Function.PluginName != AssistantToolsKernelExtensions.PluginName)
        {
            await next(context);
            return;
        }
        var schema = proposals.Tools.Find(context.Function.Name)?.Schema;
        var arguments = KernelArgumentJson.ToJson(context.Arguments, schema);
        var outcome = await proposals.ProposeAsync(requester, context.Function.Name, arguments, origin, context.CancellationToken);
        context.Result = new FunctionResult(context.Function, ForModel(outcome));
    }

    /// <summary>What the model is told: enough to explain the next step, nothing it could use to skip it.</summary>
    private static string ForModel(ActionOutcome outcome)
    {
        if (!outcome.Succeeded || outcome.Action is not { } action)
        {
            return $"Not proposed ({outcome.Kind}): {outcome.Explanation}";
        }
        return action.Status switch
        {
            ActionStatus.Executed => $"Done: {JsonSerializer.Serialize(action.Result)}",
            ActionStatus.AwaitingUser => $"Proposed as {action.Id}: waiting for the customer to confirm the preview in the app ({action.Preview.Summary}). It has not run.",
            _ => $"Proposed as {action.Id}: status {action.Status}. It has not run.",
        };
    }
}
