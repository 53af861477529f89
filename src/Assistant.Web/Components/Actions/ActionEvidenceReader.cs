using Assistant.Core.Actions;
using Assistant.Core.Actions.Access;
using Assistant.Core.Backoffice;
using Assistant.Core.Conversations;

namespace Assistant.Web.Components.Actions;

/// <summary>Gathers the <see cref="ActionEvidence"/> for the review queue from the conversation, backoffice and action stores.</summary>
public sealed class ActionEvidenceReader(ActionReader actions, IConversationStore conversations, IBackofficeStore backoffice)
{
    public async Task<ActionEvidence> ReadAsync(ActionView action, CancellationToken cancellationToken = default)
    {
        string? question = null;
        Assistant.Core.Answers.Answer? answer = null;
        if (action.ConversationId is not null && await conversations.GetAsync(action.ConversationId, cancellationToken) is { } conversation)
        {
            var messages = conversation.Messages;
            var index = messages.ToList().FindIndex(m => m.Id == action.MessageId);
            if (index >= 0)
            {
                question = messages[index].Content;
                answer = messages.Skip(index + 1).FirstOrDefault(m => m.Role == "assistant")?.Answer;
            }
        }
        var history = await actions.HistoryAsync(action.Id, cancellationToken);
        var customer = await backoffice.GetCustomerAsync(action.RequestedBy, cancellationToken);
        var subscription = customer is null ? null : await backoffice.GetSubscriptionAsync(customer.Id, cancellationToken);
        var role = history.FirstOrDefault(t => t.Actor == action.RequestedBy)?.Role;
        return new ActionEvidence(action, question, answer, role, customer, subscription, history);
    }
}
