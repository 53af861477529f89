using System.Text.Json;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Budgets;
using Assistant.Core.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Actions.Planning;

/// <summary>
/// Plans with a model through OpenAI function calling. Every tool is offered as an
/// <see cref="ApprovalRequiredAIFunction"/>, so a function-invocation layer in the pipeline turns what the model calls
/// into a <see cref="ToolApprovalRequestContent"/> and invokes nothing; read-only look-ups are no exception, because
/// only <see cref="Proposing.ActionProposals"/> knows the requester their ownership checks need. The model sees only the user's
/// own messages, so instructions inside retrieved articles never reach it. What it calls is a proposal, checked like
/// any other by <see cref="Proposing.ActionProposals"/>. When the model fails, the offline router plans instead.
/// </summary>
public sealed class ModelToolPlanner(IChatClient model, ToolCatalog tools, RouterToolPlanner fallback, ILogger<ModelToolPlanner> logger) : IToolPlanner
{
    /// <summary>The planner's prompt file (Actions/Planning/planner-v1.md); proposals name it for the audit log.</summary>
    public const string PromptVersion = "planner-v1";

    private static readonly Dictionary<string, string> NoValues = [];

    private readonly PromptTemplateFile _instructions = PromptTemplateFile.Load(PromptVersion);

    public Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, CancellationToken cancellationToken = default) =>
        PlanAsync(message, previousMessages, null, cancellationToken);

    public async Task<ProposedToolCall?> PlanAsync(string message, IReadOnlyList<string> previousMessages, string? userId, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = [new(ChatRole.System, await _instructions.RenderAsync(NoValues, cancellationToken))];
        messages.AddRange(previousMessages.TakeLast(2).Select(previous => new ChatMessage(ChatRole.User, previous)));
        messages.Add(new ChatMessage(ChatRole.User, message));
        var options = new ChatOptions
        {
            Tools = [.. tools.All.Select(tool => (AITool)new ApprovalRequiredAIFunction(tool.Function))],
            ToolMode = ChatToolMode.Auto,
            Temperature = 0,
            AdditionalProperties = new() { [BudgetNotices.UserKey] = userId },
        };

        ChatResponse response;
        try
        {
            response = await model.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (BudgetExceededException exception)
        {
            logger.LogInformation("Budget {Scope} leaves no model for planning; the offline intent router plans instead.", exception.Decision.Scope);
            return await fallback.PlanAsync(message, previousMessages, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The model could not plan a tool call; the offline intent router plans instead.");
            return await fallback.PlanAsync(message, previousMessages, cancellationToken);
        }

        // An approval request when the pipeline has a function-invocation layer, the bare call when it has none. No
        // approval response is ever sent back (the messages above are the user's text only), so nothing is invoked.
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        var call = contents.OfType<ToolApprovalRequestContent>().Select(request => request.ToolCall).OfType<FunctionCallContent>()
            .Concat(contents.OfType<FunctionCallContent>()).FirstOrDefault();
        if (call is null || tools.Find(call.Name) is not { } tool)
        {
            return null;
        }
        var arguments = (call.Arguments ?? new Dictionary<string, object?>()).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var given = JsonSerializer.SerializeToElement(arguments, ToolJson.Options);
        var missing = ToolArgumentValidator.Required(tool.Schema).Where(name => !given.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null).ToList();
        return new ProposedToolCall(tool.Declaration.Name, arguments, missing, $"model ({PromptVersion})");
    }
}
