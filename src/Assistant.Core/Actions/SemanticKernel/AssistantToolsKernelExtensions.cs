using Assistant.Core.Actions.Proposing;
using Assistant.Core.Actions.Tools;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Actions.SemanticKernel;

/// <summary>
/// Lets a Semantic Kernel application offer this deployment's tools to its model with their policies intact: the
/// catalog becomes one <see cref="KernelPlugin"/>, and a filter turns every call the model makes into a proposal in
/// the approval queue (<see cref="ActionProposals.ProposeAsync"/>), exactly as the chat's planners do.
/// </summary>
public static class AssistantToolsKernelExtensions
{
    public const string PluginName = "assistant_tools";

    /// <summary>
    /// Adds the tools and the proposal filter for one requester. Use a kernel per request (<see cref="Kernel.Clone"/>
    /// of a configured one is cheap): the requester is fixed here, from the signed-in user, never from the model.
    /// </summary>
    public static Kernel AddAssistantTools(this Kernel kernel, ActionProposals proposals, Actor requester, ActionOrigin? origin = null)
    {
        kernel.Plugins.Add(CreatePlugin(proposals.Tools.All));
        kernel.AutoFunctionInvocationFilters.Add(new ProposeInsteadOfInvokeFilter(proposals, requester, origin ?? new ActionOrigin(Source: "semantic-kernel")));
        return kernel;
    }

    /// <summary>
    /// The catalog as a plugin: each tool's name, description and JSON schema, as the model planner offers them.
    /// Invoking one of these functions directly (outside the filter) fails: a tool runs only with a requester that
    /// <see cref="Executing.ActionExecutor"/> binds, after its policy is satisfied.
    /// </summary>
    public static KernelPlugin CreatePlugin(IEnumerable<AssistantTool> tools) =>
        KernelPluginFactory.CreateFromFunctions(PluginName, "Actions on the signed-in customer's own account; each is proposed and waits for the confirmation or approval its policy requires.",
            tools.Select(tool => tool.Function.AsKernelFunction()));
}
