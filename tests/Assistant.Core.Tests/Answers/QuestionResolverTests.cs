using Assistant.Core.Answers;
using Xunit;

namespace Assistant.Core.Tests.Answers;

public sealed class QuestionResolverTests
{
    [Theory]
    [InlineData("And the annual price?")]
    [InlineData("What about Business?")]
    [InlineData("How do I turn it off?")]
    public void A_follow_up_is_joined_to_the_previous_question(string followUp)
    {
        var resolved = QuestionResolver.Resolve(followUp, ["How much is the Team plan?"]);

        Assert.True(resolved.Rewritten);
        Assert.Equal($"How much is the Team plan? {followUp}", resolved.SearchQuery);
    }

    [Fact]
    public void A_standalone_question_is_left_alone()
    {
        var resolved = QuestionResolver.Resolve("How do I download an invoice as a PDF?", ["How much is the Team plan?"]);

        Assert.False(resolved.Rewritten);
        Assert.Equal("How do I download an invoice as a PDF?", resolved.SearchQuery);
    }

    [Fact]
    public void The_first_question_is_never_rewritten() =>
        Assert.False(QuestionResolver.Resolve("And the annual price?", []).Rewritten);
}
