namespace Assistant.Core.Conversations;

public interface IConversationStore
{
    Task<Conversation> CreateAsync(CancellationToken cancellationToken = default);

    Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a question and its answer together, in one transaction: never a question without its answer.</summary>
    Task AppendExchangeAsync(string conversationId, ConversationMessage question, ConversationMessage answer, CancellationToken cancellationToken = default);
}
