namespace Assistant.Core.Conversations;

public interface IConversationStore
{
    Task<Conversation> CreateAsync(string ownerId, CancellationToken cancellationToken = default);

    /// <summary>The owner's conversations, newest first.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(string ownerId, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>The conversation with all its messages (to show it).</summary>
    Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The conversation with only its last <paramref name="messages"/> messages, oldest first: what answering a new
    /// message needs, at the same cost however long the conversation has grown.
    /// </summary>
    Task<Conversation?> GetRecentAsync(string id, int messages, CancellationToken cancellationToken = default);

    /// <summary>Stores a question and its answer together, in one transaction: never a question without its answer.</summary>
    Task AppendExchangeAsync(string conversationId, ConversationMessage question, ConversationMessage answer, CancellationToken cancellationToken = default);
}
