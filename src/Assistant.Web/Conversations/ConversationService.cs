using System.Runtime.CompilerServices;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Privacy;
using Assistant.Core.Storage;
using Assistant.Web.Privacy;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Conversations;

/// <summary>
/// A question in a conversation: the history gives follow-ups their context, and the question and its answer are
/// stored together once the answer is complete (the answer message takes its trace id), so a failed or abandoned
/// request stores nothing. After the answer, the planner reads the user's own words for a request to act; a
/// proposal goes through <see cref="ActionService"/>, so an answer and an action card can come in the same turn.
/// </summary>
public sealed class ConversationService(
    AnswerService answers,
    IConversationStore conversations,
    IToolPlanner planner,
    ToolCatalog tools,
    ActionService actions,
    IOptions<AnswerOptions> options)
{
    /// <summary>
    /// Messages of history a new message is answered with (the last two exchanges): follow-ups and unfinished action
    /// requests lean on the last turn or two (the model planner reads the last two questions), never on the start of
    /// a long conversation, and loading a bounded tail keeps a message's cost flat as the conversation grows. Load
    /// conversations for <see cref="AskAsync"/> with <see cref="IConversationStore.GetRecentAsync"/> and this count.
    /// </summary>
    public const int ContextMessages = 4;

    public int MaxQuestionLength => options.Value.MaxQuestionLength;

    public async IAsyncEnumerable<AnswerEvent> AskAsync(Conversation conversation, string question, Actor asker, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Card numbers, SSNs and secrets stop here: the stored question, the trace, the retrieval, the model, the
        // planner and a ticket's description all see the markers, so no answer, reason or preview can echo them.
        var redacted = SensitiveDataRedactor.Redact(question);
        question = redacted.Text;
        if (SensitiveDataNotice.For(redacted.Removed) is { } notice)
        {
            yield return new SensitiveDataRemoved(question, notice);
        }
        var previous = conversation.Messages.Where(m => m.Role == "user").Select(m => m.Content).ToList();
        var asked = DateTimeOffset.UtcNow;
        var questionId = Ids.New("msg");
        await foreach (var item in answers.StreamAsync(new AnswerRequest(question, conversation.Id, previous, conversation.OwnerId), cancellationToken))
        {
            if (item is AnswerCompleted completed)
            {
                await conversations.AppendExchangeAsync(conversation.Id,
                    new ConversationMessage(questionId, "user", question, null, asked),
                    new ConversationMessage(completed.Answer.TraceId, "assistant", completed.Answer.Text, completed.Answer, DateTimeOffset.UtcNow),
                    cancellationToken);
            }
            yield return item;
        }

        // Tools act on a customer's own account; staff testing the chat get answers only. A planner naming a tool
        // this deployment does not register proposes nothing.
        if (asker.Role != ActorRole.User || await planner.PlanAsync(question, previous, cancellationToken) is not { } call
            || tools.Find(call.Tool) is not { } tool)
        {
            yield break;
        }
        if (!call.IsComplete)
        {
            yield return new ActionPromptRaised(new ActionPrompt(call.Tool, tool.Declaration.Title, ActionPrompt.NeedsInput, AskFor(tool, call.Missing), call.Missing));
            yield break;
        }
        var outcome = await actions.ProposeAsync(asker, call.Tool, call.ArgumentsJson(), new ActionOrigin(conversation.Id, questionId, call.Source), cancellationToken);
        yield return outcome.Succeeded
            ? new ActionProposed(outcome.Action!)
            : new ActionPromptRaised(new ActionPrompt(call.Tool, tool.Declaration.Title, ActionPrompt.Refused, Explain(outcome), []));
    }

    /// <summary>"To request a refund I still need: the invoice number such as INV-2026-0142."</summary>
    private static string AskFor(AssistantTool tool, IReadOnlyList<string> missing)
    {
        var properties = tool.Schema.GetProperty("properties");
        var needs = missing.Select(name => properties.TryGetProperty(name, out var property) && property.TryGetProperty("description", out var description)
            ? char.ToLowerInvariant(description.GetString()![0]) + description.GetString()![1..]
            : name);
        return $"To {char.ToLowerInvariant(tool.Declaration.Title[0])}{tool.Declaration.Title[1..]} I still need: {string.Join("; ", needs)}. Reply with it and I will prepare the request for you to check.";
    }

    private static string Explain(ActionOutcome outcome) => outcome.Errors is { Count: > 0 } errors
        ? $"{outcome.Message} {string.Join(" ", errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"))}"
        : outcome.Message ?? "The request could not be prepared.";
}
