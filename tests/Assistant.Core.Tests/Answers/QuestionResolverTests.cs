using Assistant.Core.Answers;
using Assistant.Core.Text.Analysis;
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
        var resolved = QuestionResolver.Resolve(new EnglishAnalyzer(), followUp, ["How much is the Team plan?"]);

        Assert.True(resolved.Rewritten);
        Assert.Equal($"How much is the Team plan? {followUp}", resolved.SearchQuery);
    }

    [Fact]
    public void A_standalone_question_is_left_alone()
    {
        var resolved = QuestionResolver.Resolve(new EnglishAnalyzer(), "How do I download an invoice as a PDF?", ["How much is the Team plan?"]);

        Assert.False(resolved.Rewritten);
        Assert.Equal("How do I download an invoice as a PDF?", resolved.SearchQuery);
    }

    [Fact]
    public void The_first_question_is_never_rewritten() =>
        Assert.False(QuestionResolver.Resolve(new EnglishAnalyzer(), "And the annual price?", []).Rewritten);

    private static Answer Listed(params string[] sentences) =>
        new(string.Join(" ", sentences), [.. sentences.Select(text => new AnswerSentence(text, [], true, 1, []))], AnswerOutcome.Answered, "extractive", null, 1, "", [], null, "trace_1");

    private static readonly Answer Plans = Listed(
        "Plan: Free; Runs included per month: 1,000.",
        "Plan: Team; Runs included per month: 50,000.",
        "Plan: Enterprise; Runs included per month: Custom.");

    [Theory]
    [InlineData("How much does the second one cost?", "How much does the Team plan cost?")]
    [InlineData("And the last one?", "And the Enterprise plan?")]
    [InlineData("what does the first plan include", "what does the Free plan include")]
    public void A_reference_to_an_item_of_the_previous_answer_names_the_item(string followUp, string standalone)
    {
        var resolved = QuestionResolver.Resolve(new EnglishAnalyzer(), followUp, ["How many runs does each plan include?"], Plans);

        Assert.Equal((standalone, standalone, true, (string?)null), (resolved.Question, resolved.SearchQuery, resolved.Rewritten, resolved.Clarification));
    }

    [Theory]
    [InlineData("How much does that one cost?")]
    [InlineData("How much does the fifth one cost?")]
    public void A_reference_that_points_at_several_items_or_none_asks_which(string followUp)
    {
        var resolved = QuestionResolver.Resolve(new EnglishAnalyzer(), followUp, ["How many runs does each plan include?"], Plans);

        Assert.Equal("Which one do you mean: Free plan, Team plan or Enterprise plan?", resolved.Clarification);
    }

    [Fact]
    public void A_reference_with_no_listed_items_asks_which()
    {
        var resolved = QuestionResolver.Resolve(new EnglishAnalyzer(), "How much does the second one cost?", ["How do I reset my password?"], Listed("Use the reset link on the sign-in page."));

        Assert.NotNull(resolved.Clarification);
    }
}
