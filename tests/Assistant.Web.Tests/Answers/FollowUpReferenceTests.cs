using Xunit;

namespace Assistant.Web.Tests.Answers;

public sealed class FollowUpReferenceTests
{
    [Fact]
    public async Task A_follow_up_about_the_second_item_of_a_listed_answer_is_about_that_item()
    {
        await using var factory = new AssistantWebFactory();
        factory.WriteArticle("plans.md", "---\ntitle: Plans\naudience: customers\nupdated: 2026-01-01\ntags: [plans]\n---\n\n# Plans\n\n" +
            "## Workflow runs per plan\n\n| Plan | Runs included per month |\n|---|---|\n| Starter | 5,000 runs |\n| Team | 50,000 runs |\n| Business | 200,000 runs |\n\n" +
            "## Prices\n\nThe Starter plan costs $9 per seat per month.\n\nThe Team plan costs $18 per seat per month.\n\nThe Business plan costs $30 per seat per month.\n");
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var listed = await client.AskAsync(conversationId, "How many workflow runs are included per plan?");
        var followUp = await client.AskAsync(conversationId, "How much does the second one cost?");
        var unclear = await client.AskAsync(conversationId, "And what about that one?");

        Assert.Contains("Plan: Team", listed.Answer.Text);
        Assert.Equal("Answered", followUp.Answer.Outcome);
        Assert.StartsWith("The Team plan costs $18 per seat per month.", followUp.Answer.Text, StringComparison.Ordinal);
        Assert.Equal("AskedToClarify", unclear.Answer.Outcome);
    }
}
