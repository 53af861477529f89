using Assistant.Core.Conversations;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Conversations;

public abstract class ConversationStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IConversationStore Store => field ??= Database.Pick<IConversationStore>(
        sqlite => new SqliteConversationStore(sqlite), postgres => new PostgresConversationStore(postgres));

    [Fact]
    public async Task Recent_messages_are_the_last_ones_oldest_first_while_the_full_history_stays_readable()
    {
        var conversation = await Store.CreateAsync("alice", Cancel);
        for (var turn = 1; turn <= 30; turn++)
        {
            await Store.AppendExchangeAsync(conversation.Id,
                new ConversationMessage($"q{turn}", "user", $"question {turn}", null, DateTimeOffset.UtcNow),
                new ConversationMessage($"a{turn}", "assistant", $"answer {turn}", null, DateTimeOffset.UtcNow), Cancel);
        }

        var recent = await Store.GetRecentAsync(conversation.Id, 4, Cancel);
        var full = await Store.GetAsync(conversation.Id, Cancel);

        Assert.Equal(["q29", "a29", "q30", "a30"], recent!.Messages.Select(m => m.Id));
        Assert.Equal("alice", recent.OwnerId);
        Assert.Equal("question 1", recent.Title);
        Assert.Equal(60, full!.Messages.Count);
        Assert.Equal("q1", full.Messages[0].Id);
        Assert.Null(await Store.GetRecentAsync("conv_missing", 4, Cancel));
    }

    [Fact]
    public async Task Two_replicas_appending_to_one_conversation_at_once_lose_no_message_and_keep_the_order_of_each_exchange()
    {
        var conversation = await Store.CreateAsync("alice", Cancel);
        var replicas = new[]
        {
            Store,
            Database.OtherReplica<IConversationStore>(sqlite => new SqliteConversationStore(sqlite), postgres => new PostgresConversationStore(postgres)),
        };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(turn => replicas[turn % 2].AppendExchangeAsync(conversation.Id,
            new ConversationMessage($"q{turn}", "user", $"question {turn}", null, DateTimeOffset.UtcNow),
            new ConversationMessage($"a{turn}", "assistant", $"answer {turn}", null, DateTimeOffset.UtcNow), Cancel)));

        var messages = (await Store.GetAsync(conversation.Id, Cancel))!.Messages;
        Assert.Equal(40, messages.Count);
        for (var index = 0; index < messages.Count; index += 2)
        {
            Assert.Equal("a" + messages[index].Id[1..], messages[index + 1].Id);
        }
    }

    public sealed class OnSqlite() : ConversationStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : ConversationStoreTests(StorageProvider.PostgreSQL);
}
