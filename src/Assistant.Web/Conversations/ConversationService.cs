using System.Runtime.CompilerServices;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Conversations;

/// <summary>
/// A question in a conversation: the history gives follow-ups their context, and the question and its answer are
/// stored together once the answer is complete (the answer message takes its trace id), so a failed or abandoned
/// request stores nothing.
/// </summary>
public sealed class ConversationService(AnswerService answers, IConversationStore conversations, IOptions<AnswerOptions> options)
{
    public int MaxQuestionLength => options.Value.MaxQuestionLength;

    public async IAsyncEnumerable<AnswerEvent> AskAsync(Conversation conversation, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var previous = conversation.Messages.Where(m => m.Role == "user").Select(m => m.Content).ToList();
        var asked = DateTimeOffset.UtcNow;
        await foreach (var item in answers.StreamAsync(new AnswerRequest(question, conversation.Id, previous, conversation.OwnerId), cancellationToken))
        {
            if (item is AnswerCompleted completed)
            {
                await conversations.AppendExchangeAsync(conversation.Id,
                    new ConversationMessage(Ids.New("msg"), "user", question, null, asked),
                    new ConversationMessage(completed.Answer.TraceId, "assistant", completed.Answer.Text, completed.Answer, DateTimeOffset.UtcNow),
                    cancellationToken);
            }
            yield return item;
        }
    }
}
