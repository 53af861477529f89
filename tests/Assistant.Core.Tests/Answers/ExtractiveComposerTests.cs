using Assistant.Core.Answers;
using Assistant.Core.Answers.Generation;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Retrieval;
using Xunit;

namespace Assistant.Core.Tests.Answers;

public sealed class ExtractiveComposerTests
{
    private static readonly ExtractiveComposer Composer = new(new EnglishAnalyzer(), _ => 1.0);

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
        var sentences = new CitationVerifier(new SupportScorer(new EnglishAnalyzer())).Verify(answer, passages, 0.5);

        Assert.NotEmpty(sentences);
        Assert.All(sentences, sentence => Assert.True(sentence.Supported, $"'{sentence.Text}': {string.Join("; ", sentence.Problems)}"));
    }

    [Fact]
    public void A_sentence_ending_with_a_colon_is_quoted_with_the_list_after_it()
    {
        var text = "## Single sign-on\n\nThese plans include single sign-on:\n\n- Business, with SAML.\n- Enterprise, with SAML and SCIM.\n\nOther text follows here now.";

        var answer = Composer.Compose("which plans include single sign-on", [Passage(1, text)], 120);
        var sentences = new CitationVerifier(new SupportScorer(new EnglishAnalyzer())).Verify(answer, [Passage(1, text)], 0.5);

        Assert.StartsWith("These plans include single sign-on: [1]\nBusiness, with SAML. [1]\nEnterprise, with SAML and SCIM. [1]", answer, StringComparison.Ordinal);
        Assert.Equal(["These plans include single sign-on:", "Business, with SAML.", "Enterprise, with SAML and SCIM."], sentences.Take(3).Select(s => s.Text));
        // Each item is cited to its own line of the source, not to the introduction.
        Assert.Equal(text.IndexOf("- Enterprise, with", StringComparison.Ordinal), sentences[2].Citations[0].QuoteStart);
    }

    [Fact]
    public void A_sentence_ending_with_a_colon_whose_list_is_not_in_the_passage_is_not_used()
    {
        var text = "## Single sign-on\n\nSingle sign-on works with Okta and Entra ID.\n\nThese plans include single sign-on:";

        var answer = Composer.Compose("which plans include single sign-on", [Passage(1, text)], 120);

        Assert.DoesNotContain("include single sign-on:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_how_question_is_answered_by_its_step_first()
    {
        var passages = new[]
        {
            Passage(1, "## Reissuing invoices\n\nWe can reissue invoices dated within the last 90 days."),
            Passage(2, "## How to request a refund\n\n1. Open Settings → Billing → Invoices.\n2. Click Request refund next to the invoice."),
        };

        var answer = Composer.Compose("How can I get a refund for my last invoice?", passages, 120);

        Assert.StartsWith("Click Request refund next to the invoice. [2]", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sentence_that_answers_most_directly_comes_first_wherever_it_sits()
    {
        var passages = new[]
        {
            Passage(1, "## Billing\n\nAnnual plans renew each year; refunds are described in the refund policy."),
            Passage(2, "## Annual plans\n\nAnnual plans are refunded within 30 days of the annual charge."),
        };

        var answer = Composer.Compose("within how many days are annual plans refunded", passages, 120);

        Assert.StartsWith("Annual plans are refunded within 30 days of the annual charge. [2]", answer, StringComparison.Ordinal);
    }
}
