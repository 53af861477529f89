using Assistant.Core.Text.Analysis;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class EnglishAnalyzerTests
{
    [Fact]
    public void Lowercases_drops_stop_words_and_stems()
    {
        var terms = new EnglishAnalyzer().Analyze("How do I reset the Passwords for my accounts?");

        Assert.Equal(["reset", "password", "account"], terms);
    }

    [Theory]
    [InlineData("invoices", "invoic")]
    [InlineData("invoicing", "invoic")]
    [InlineData("refunded", "refund")]
    [InlineData("refunds", "refund")]
    [InlineData("authentication", "authent")]
    [InlineData("subscriptions", "subscript")]
    public void Word_variants_share_one_stem(string word, string stem) =>
        Assert.Equal([stem], new EnglishAnalyzer().Analyze(word));

    [Fact]
    public void Negations_are_kept_because_they_change_the_question()
    {
        var terms = new EnglishAnalyzer().Analyze("why can I not sign in");

        Assert.Contains("not", terms);
    }

    [Fact]
    public void Splits_on_punctuation_and_keeps_numbers_and_codes()
    {
        var terms = new EnglishAnalyzer().Analyze("HTTP 429 (Retry-After) for 2FA");

        // "after" and "for" are stop words.
        Assert.Equal(["http", "429", "retri", "2fa"], terms);
    }

    [Fact]
    public void Overlong_runs_are_not_terms()
    {
        var terms = new EnglishAnalyzer().Analyze($"token {new string('a', 100)} end");

        Assert.Equal(["token", "end"], terms);
    }
}
