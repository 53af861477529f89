using System.Runtime.CompilerServices;
using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Privacy;
using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Conversations;

/// <summary>
/// A message in a conversation. A customer's request to act (read from their own words by the planner) is answered
/// by the request itself, an action card or the question for what it needs, not by a knowledge-base answer about
/// its words; anything else is answered from the knowledge base, with the history giving follow-ups their context.
/// The message and its reply are stored together once the reply is complete (the reply takes its trace id), so a
/// failed or abandoned request stores nothing, and what is stored is what the customer was shown.
/// </summary>
public sealed class ConversationService(
    AnswerService answers,
    IConversationStore conversations,
    ActionRequests requests,
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
        var previousAnswer = conversation.Messages.LastOrDefault(m => m.Role == "assistant")?.Answer;
        var request = new AnswerRequest(question, conversation.Id, previous, conversation.OwnerId, previousAnswer);
        var asked = DateTimeOffset.UtcNow;
        var questionId = Ids.New("msg");

        // Tools act on a customer's own account; staff testing the chat get answers only.
        if (asker.Role == ActorRole.User && await requests.PlanAsync(question, previous, asker.Username, cancellationToken) is { } planned)
        {
            var reply = await requests.ReplyAsync(planned.Call, planned.Tool, question, asker, new ActionOrigin(conversation.Id, questionId, planned.Call.Source), cancellationToken);
            var answer = await answers.ReplyToRequestAsync(request, reply.Text, cancellationToken);
            await StoreAsync(conversation, questionId, question, asked, answer, cancellationToken);
            yield return new AnswerCompleted(answer);
            yield return reply.Event;
            yield break;
        }

        await foreach (var item in answers.StreamAsync(request, cancellationToken))
        {
            if (item is AnswerCompleted completed)
            {
                await StoreAsync(conversation, questionId, question, asked, completed.Answer, cancellationToken);
            }
            yield return item;
        }
    }

    private Task StoreAsync(Conversation conversation, string questionId, string question, DateTimeOffset asked, Answer answer, CancellationToken cancellationToken) =>
        conversations.AppendExchangeAsync(conversation.Id,
            new ConversationMessage(questionId, "user", question, null, asked),
            new ConversationMessage(answer.TraceId, "assistant", answer.Text, answer, DateTimeOffset.UtcNow),
            cancellationToken);
}
