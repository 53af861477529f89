using System.Text.Json;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Actions;

/// <summary>
/// A tool's preview of a call (what would change, which policy applies, any conflict with a published policy), made
/// again against the current records whenever a decision depends on it.
/// </summary>
public sealed class ActionPreviews(ToolCatalog tools, IBackofficeStore backoffice, TimeProvider time)
{
    /// <summary>A stored action's preview as of now; refuses when its tool or the requester's account has gone.</summary>
    public async Task<ToolPreview> PreviewAsync(PendingAction action, Actor requester, CancellationToken cancellationToken)
    {
        var tool = tools.Find(action.Tool) ?? throw new ToolRefusedException(ToolRefusal.Limit, $"The tool {action.Tool} is no longer available.");
        var customer = await backoffice.GetCustomerAsync(action.RequestedBy, cancellationToken)
            ?? throw new ToolRefusedException(ToolRefusal.NotFound, $"{action.RequestedBy} has no customer account.");
        return await PreviewAsync(tool, JsonDocument.Parse(action.ArgumentsJson).RootElement, new ToolContext(requester, customer, time.GetUtcNow()), cancellationToken);
    }

    public static async Task<ToolPreview> PreviewAsync(AssistantTool tool, JsonElement arguments, ToolContext context, CancellationToken cancellationToken) =>
        (ToolPreview)(await tool.PreviewFunction.InvokeAsync(AssistantTool.Arguments(arguments, context), cancellationToken))!;
}
