using Assistant.Core.Conversations;
using Assistant.Core.Storage;
using Xunit;

namespace Assistant.Core.Tests.Conversations;

public sealed class SqliteConversationStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-conversations-").FullName;
    private readonly SqliteConversationStore _store;

    public SqliteConversationStoreTests() => _store = new SqliteConversationStore(new SqliteDatabase(Path.Combine(_root, "assistant.db")));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recent_messages_are_the_last_ones_oldest_first_while_the_full_history_stays_readable()
    {
        var conversation = await _store.CreateAsync("alice", Cancel);
        for (var turn = 1; turn <= 30; turn++)
        {
            await _store.AppendExchangeAsync(conversation.Id,
                new ConversationMessage($"q{turn}", "user", $"question {turn}", null, DateTimeOffset.UtcNow),
                new ConversationMessage($"a{turn}", "assistant", $"answer {turn}", null, DateTimeOffset.UtcNow), Cancel);
        }

        var recent = await _store.GetRecentAsync(conversation.Id, 4, Cancel);
        var full = await _store.GetAsync(conversation.Id, Cancel);

        Assert.Equal(["q29", "a29", "q30", "a30"], recent!.Messages.Select(m => m.Id));
        Assert.Equal("alice", recent.OwnerId);
        Assert.Equal("question 1", recent.Title);
        Assert.Equal(60, full!.Messages.Count);
        Assert.Equal("q1", full.Messages[0].Id);
        Assert.Null(await _store.GetRecentAsync("conv_missing", 4, Cancel));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
