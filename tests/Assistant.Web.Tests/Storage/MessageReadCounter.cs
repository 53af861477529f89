using Assistant.Core.Conversations;

namespace Assistant.Web.Tests.Storage;

/// <summary>The real conversation store, counting the most messages any single read returned.</summary>
public sealed class MessageReadCounter(IConversationStore inner) : IConversationStore
{
    private int _largestRead;

    public int LargestRead => Volatile.Read(ref _largestRead);

    public void Reset() => Volatile.Write(ref _largestRead, 0);

    public Task<Conversation> CreateAsync(string ownerId, CancellationToken cancellationToken = default) => inner.CreateAsync(ownerId, cancellationToken);

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(string ownerId, int limit = 50, CancellationToken cancellationToken = default) =>
        inner.ListAsync(ownerId, limit, cancellationToken);

    public async Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Count(await inner.GetAsync(id, cancellationToken));

    public async Task<Conversation?> GetRecentAsync(string id, int messages, CancellationToken cancellationToken = default) =>
        Count(await inner.GetRecentAsync(id, messages, cancellationToken));

    public Task AppendExchangeAsync(string conversationId, ConversationMessage question, ConversationMessage answer, CancellationToken cancellationToken = default) =>
        inner.AppendExchangeAsync(conversationId, question, answer, cancellationToken);

    private Conversation? Count(Conversation? conversation)
    {
        var read = conversation?.Messages.Count ?? 0;
        int seen;
        while ((seen = Volatile.Read(ref _largestRead)) < read && Interlocked.CompareExchange(ref _largestRead, read, seen) != seen)
        {
        }
        return conversation;
    }
}
