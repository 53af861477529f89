using Xunit;

namespace Assistant.Web.Tests.Answers;

public sealed class DeclineSuggestionTests
{
    [Fact]
    public async Task A_declined_off_topic_question_suggests_no_unrelated_articles()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var reply = await client.AskAsync(conversationId, "Who won the football world cup in 2022?");

        Assert.Equal("Abstained", reply.Answer.Outcome);
        Assert.Empty(reply.Answer.Suggestions);
    }
}
