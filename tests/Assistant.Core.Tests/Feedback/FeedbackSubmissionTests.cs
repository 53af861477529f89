using Assistant.Core.Feedback;
using Xunit;

namespace Assistant.Core.Tests.Feedback;

public sealed class FeedbackSubmissionTests
{
    [Fact]
    public void Thumbs_up_without_categories_is_valid()
    {
        Assert.Empty(new FeedbackSubmission("up", [], "Great").Validate());
        Assert.Empty(new FeedbackSubmission("up").Validate());
    }

    [Fact]
    public void Thumbs_down_with_known_categories_is_valid()
    {
        Assert.Empty(new FeedbackSubmission("down", ["wrong-answer", "outdated"], null).Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UP")]
    [InlineData("meh")]
    public void Rating_must_be_up_or_down(string? rating)
    {
        var errors = new FeedbackSubmission(rating).Validate();

        Assert.Contains("'up' or 'down'", Assert.Single(errors["rating"]));
    }

    [Fact]
    public void Unknown_categories_are_named()
    {
        var errors = new FeedbackSubmission("down", ["wrong-answer", "bad-vibes"]).Validate();

        Assert.Contains("'bad-vibes'", Assert.Single(errors["categories"]));
    }

    [Fact]
    public void Thumbs_up_with_categories_is_an_error_that_says_so()
    {
        var errors = new FeedbackSubmission("up", ["outdated"]).Validate();

        Assert.Contains("only allowed with a 'down' rating", Assert.Single(errors["categories"]));
    }

    [Fact]
    public void Thumbs_down_needs_a_category()
    {
        var errors = new FeedbackSubmission("down", [], "bad").Validate();

        Assert.Contains("at least one category", Assert.Single(errors["categories"]));
    }

    [Fact]
    public void Comment_is_limited_to_two_thousand_characters()
    {
        Assert.Empty(new FeedbackSubmission("up", null, new string('a', 2_000)).Validate());

        var errors = new FeedbackSubmission("up", null, new string('a', 2_001)).Validate();

        Assert.Contains("2,000", Assert.Single(errors["comment"]));
    }

    [Fact]
    public void Duplicate_categories_are_collapsed_in_order()
    {
        var submission = new FeedbackSubmission("down", ["outdated", "wrong-answer", "outdated"]);

        Assert.Empty(submission.Validate());
        Assert.Equal(["outdated", "wrong-answer"], submission.DistinctCategories);
    }

    [Fact]
    public void Every_category_has_a_distinct_id_and_a_label()
    {
        Assert.Equal(
            ["wrong-answer", "wrong-source", "outdated", "not-answered", "unsafe", "too-slow", "other"],
            FeedbackCategory.All.Select(category => category.Id));
        Assert.All(FeedbackCategory.All, category => Assert.False(string.IsNullOrWhiteSpace(category.Label)));
        Assert.Equal("Wrong or missing source", FeedbackCategory.WrongSource.Label);
    }
}
