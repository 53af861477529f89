using Assistant.Core.Answers;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Retrieval;
using Xunit;

namespace Assistant.Core.Tests.Answers;

public sealed class CitationVerifierTests
{
    private const string Refunds = "## Full refund\n\nWe refund the full amount of your first payment if you request it within 14 days. Refunds reach your card in 5 to 10 business days.";
    private const string Limits = "## Limits\n\nThe Team plan allows 1,200 requests per minute. Requests rejected with 429 do not count toward the limit.";

    private static readonly IReadOnlyList<Passage> Passages =
    [
        new(1, Hit("policies/refund-policy", "Refund policy", Refunds, 100)),
        new(2, Hit("integrations-and-api/api-rate-limits", "API rate limits", Limits, 40)),
    ];

    private readonly CitationVerifier _verifier = new(new SupportScorer(new EnglishAnalyzer()));

    private static SearchHit Hit(string document, string title, string text, int start) =>
        new($"{document}#0", document, title, ["Section"], $"{document}.md", start, start + text.Length, text, 1, new RetrieverScores(1, 1, 0.5, 1));

    [Fact]
    public void A_sentence_quoting_its_passage_is_supported_with_the_quote_located_in_the_source()
    {
        var sentence = Assert.Single(_verifier.Verify("We refund the full amount of your first payment if you request it within 14 days. [1]", Passages, 0.5));

        Assert.True(sentence.Supported);
        var citation = Assert.Single(sentence.Citations);
        Assert.Equal(Refunds[citation.QuoteStart..citation.QuoteEnd], citation.Quote);
        Assert.Equal(100 + citation.QuoteStart, citation.SourceStart);
        Assert.StartsWith("We refund the full amount", citation.Quote);
    }

    [Fact]
    public void A_sentence_whose_number_disagrees_with_its_passage_is_unsupported()
    {
        var sentence = Assert.Single(_verifier.Verify("We refund the full amount of your first payment if you request it within 45 days. [1]", Passages, 0.5));

        Assert.False(sentence.Supported);
        Assert.Contains(sentence.Problems, problem => problem.Contains("45"));
    }

    [Fact]
    public void A_negated_claim_against_a_positive_quote_is_unsupported()
    {
        var sentence = Assert.Single(_verifier.Verify("The Team plan does not allow 1,200 requests per minute. [2]", Passages, 0.5));

        Assert.False(sentence.Supported);
        Assert.Contains(sentence.Problems, problem => problem.Contains("negated"));
    }

    [Fact]
    public void A_name_the_passage_never_mentions_makes_the_sentence_unsupported()
    {
        var sentence = Assert.Single(_verifier.Verify("The Enterprise plan allows 1,200 requests per minute. [2]", Passages, 0.5));

        Assert.False(sentence.Supported);
        Assert.Contains(sentence.Problems, problem => problem.Contains("Enterprise"));
    }

    [Fact]
    public void A_marker_to_a_passage_that_was_not_retrieved_never_reaches_the_output()
    {
        var sentence = Assert.Single(_verifier.Verify("The Team plan allows 1,200 requests per minute. [7]", Passages, 0.5));

        Assert.DoesNotContain(sentence.Citations, citation => citation.Passage == 7);
        Assert.Contains(sentence.Problems, problem => problem.Contains("[7]"));
        // Its text is supported by passage 2, so it is credited there instead.
        Assert.Equal([2], sentence.Citations.Select(c => c.Passage));
    }

    [Fact]
    public void An_uncited_sentence_no_passage_supports_has_no_citation_and_is_unsupported()
    {
        var sentence = Assert.Single(_verifier.Verify("Our office dog is called Biscuit.", Passages, 0.5));

        Assert.False(sentence.Supported);
        Assert.Empty(sentence.Citations);
    }

    [Fact]
    public void Markers_after_the_full_stop_belong_to_the_sentence_before_them()
    {
        var drafts = CitationMarkers.Parse("Refunds take 5 to 10 business days. [1] Team allows 1,200 requests per minute [2][1].");

        Assert.Equal(2, drafts.Count);
        Assert.Equal("Refunds take 5 to 10 business days.", drafts[0].Text);
        Assert.Equal([1], drafts[0].Markers);
        Assert.Equal("Team allows 1,200 requests per minute.", drafts[1].Text);
        Assert.Equal([2, 1], drafts[1].Markers);
    }

    [Fact]
    public void Comma_separated_markers_are_all_read()
    {
        var draft = Assert.Single(CitationMarkers.Parse("Both policies apply [1, 2]."));

        Assert.Equal([1, 2], draft.Markers);
    }
}
