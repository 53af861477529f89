using Assistant.Core.Conversations;
using Assistant.Web.Tests.Answers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Storage;

public sealed class ConversationHistoryTests
{
    [Fact]
    public async Task A_message_in_a_long_conversation_reads_only_the_last_turns_and_the_full_history_stays_available()
    {
        var counter = default(MessageReadCounter);
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<SqliteConversationStore>();
            services.AddSingleton<IConversationStore>(provider => counter = new MessageReadCounter(provider.GetRequiredService<SqliteConversationStore>()));
        }));
        using var client = await StorageTestHost.SignInAsync(host, "alice");
        var conversationId = await client.CreateConversationAsync();
        var store = host.Services.GetRequiredService<IConversationStore>();
        for (var turn = 1; turn <= 40; turn++)
        {
            await store.AppendExchangeAsync(conversationId,
                new ConversationMessage($"msg_q{turn}", "user", $"Earlier question {turn}", null, DateTimeOffset.UtcNow),
                new ConversationMessage($"msg_a{turn}", "assistant", $"Earlier answer {turn}", null, DateTimeOffset.UtcNow), AnswerApi.Cancel);
        }
        counter!.Reset();

        var reply = await client.AskAsync(conversationId, "How long do I have to request a full refund?");

        Assert.Equal("Answered", reply.Answer.Outcome);
        Assert.InRange(counter.LargestRead, 1, ConversationService.ContextMessages);
        Assert.Equal(82, (await client.GetConversationAsync(conversationId)).Messages.Count);
    }
}
