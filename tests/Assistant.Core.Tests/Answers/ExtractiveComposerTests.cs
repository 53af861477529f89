using Assistant.Core.Answers;
using Assistant.Core.Answers.Generation;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Retrieval;
using Xunit;

namespace Assistant.Core.Tests.Answers;

public sealed class ExtractiveComposerTests
{
    private static readonly ExtractiveComposer Composer = new(_ => 1.0);

    private static Passage Passage(int number, string text) =>
        new(number, new SearchHit($"doc{number}#0", $"doc{number}", $"Doc {number}", [], $"doc{number}.md", 0, text.Length, text, 1, new RetrieverScores(1, 1, null, null)));

    [Fact]
    public void Picks_the_sentences_that_answer_the_question_and_cites_each()
    {
        var passages = new[]
        {
            Passage(1, "## Refunds\n\nRefund requests are accepted within 14 days of the first payment. Our office is in Lisbon."),
            Passage(2, "## Invoices\n\nInvoices are emailed on the first day of each month."),
        };

        var answer = Composer.Compose("within how many days are refund requests accepted", passages, 120);

        Assert.Equal("Refund requests are accepted within 14 days of the first payment. [1]", answer);
    }

    [Fact]
    public void Is_deterministic_and_within_the_word_budget()
    {
        var text = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Webhook retry number {i} waits a little longer before the next webhook retry."));
        var passages = new[] { Passage(1, text) };

        var first = Composer.Compose("webhook retry", passages, 40);
        var second = Composer.Compose("webhook retry", passages, 40);

        Assert.Equal(first, second);
        var words = CitationMarkers.Parse(first).Sum(s => s.Text.Split(' ').Length);
        Assert.InRange(words, 1, 40);
    }

    [Fact]
    public void A_table_row_reads_as_header_and_value_pairs()
    {
        var table = "| Plan | Monthly price |\n|---|---|\n| Team | $18 per seat |\n| Business | $30 per seat |";

        var answer = Composer.Compose("monthly price of the Business plan", [Passage(1, table)], 120);

        Assert.Contains("Plan: Business; Monthly price: $30 per seat. [1]", answer);
        Assert.DoesNotContain("Plan: Plan", answer);
    }

    [Fact]
    public void Every_sentence_it_writes_passes_verification()
    {
        var passages = new[]
        {
            Passage(1, "## Limits\n\n- The Team plan allows **1,200** requests per minute.\n- Bursts of up to 200 requests are allowed."),
            Passage(2, "If you exceed the limit you get HTTP 429 with a `Retry-After` header. See [rate limits](../api/limits.md)."),
        };

        var answer = Composer.Compose("what happens when I exceed the requests per minute limit on Team", passages, 120);
        var sentences = new CitationVerifier(new SupportScorer()).Verify(answer, passages, 0.5);

        Assert.NotEmpty(sentences);
        Assert.All(sentences, sentence => Assert.True(sentence.Supported, $"'{sentence.Text}': {string.Join("; ", sentence.Problems)}"));
    }
}
