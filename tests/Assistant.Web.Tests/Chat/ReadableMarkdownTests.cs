using System.Text.RegularExpressions;
using Assistant.Web.Chat;
using Xunit;

namespace Assistant.Web.Tests.Chat;

/// <summary>Help-center markdown shown as readers see it, with a citation's quote highlighted exactly.</summary>
public sealed partial class ReadableMarkdownTests
{
    private const string Table = """
        | HTTP status | `code` | Meaning | Retry? |
        |---|---|---|---|
        | 400 | `invalid_request` | Malformed JSON | No — fix the request |
        | 410 | `api_version_sunset` | API version no longer available ([API versioning](../integrations-and-api/api-versioning-and-deprecation.md)) | No — migrate |
        | 500 | `internal_error` | Unexpected error | Yes |
        """;

    [Fact]
    public void A_quoted_table_row_renders_as_a_table_with_only_that_row_highlighted_and_its_link_pointing_at_the_article()
    {
        var row = Table.Split('\n')[3];
        var start = Table.IndexOf(row, StringComparison.Ordinal);

        var html = ReadableMarkdown.Passage(Table, "troubleshooting/error-code-reference", start, start + row.Length).Value;

        Assert.Contains("<table>", html);
        Assert.DoesNotContain("|", html);
        Assert.DoesNotContain("](", html);
        Assert.Contains("<a href=\"/kb/integrations-and-api/api-versioning-and-deprecation\">", html);
        var rows = Regex.Matches(html, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows.Where(r => !r.Contains("410")), r => Assert.DoesNotContain("<mark>", r));
        Assert.Equal("410api_version_sunsetAPI version no longer available (API versioning)No — migrate", Marked(html));
    }

    [Fact]
    public void A_quote_through_bold_text_and_across_paragraphs_keeps_exactly_its_words_marked()
    {
        const string text = "## Full refund\n\nIf you are not happy, ask within **14 days** of that payment. Later requests are refused.\n\nAnother paragraph.";
        var start = text.IndexOf("ask", StringComparison.Ordinal);
        var end = text.IndexOf("Another", StringComparison.Ordinal) + "Another".Length;

        var html = ReadableMarkdown.Passage(text, "policies/refund-policy", start, end).Value;

        Assert.Contains("<h3>Full refund</h3>", html);
        Assert.Equal("ask within 14 days of that payment. Later requests are refused.Another", Marked(html));
        Assert.DoesNotContain("**", html);
        Assert.DoesNotContain('\uE000', html);
    }

    [Fact]
    public void Code_stays_code_and_raw_html_in_an_article_is_shown_as_text_never_run()
    {
        const string text = "Verify it:\n\n```csharp\nvar ok = CryptographicOperations.FixedTimeEquals(a, b);\n```\n\n<script>alert(1)</script>";

        var html = ReadableMarkdown.Passage(text, "integrations-and-api/verify-webhook-signatures", 0, 10).Value;

        Assert.Contains("<pre><code class=\"language-csharp\">var ok = CryptographicOperations.FixedTimeEquals(a, b);", html);
        Assert.DoesNotContain("```", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal("Verify it:", Marked(html));
    }

    [Fact]
    public void A_sentence_with_a_markdown_link_reads_as_text_with_a_link_and_stays_inline()
    {
        var html = ReadableMarkdown.Sentence(
            "Meaning: API version no longer available ([API versioning](../integrations-and-api/api-versioning-and-deprecation.md)).",
            "troubleshooting/error-code-reference", out var isBlock).Value;

        Assert.False(isBlock);
        Assert.Equal("Meaning: API version no longer available (<a href=\"/kb/integrations-and-api/api-versioning-and-deprecation\">API versioning</a>).", html);
        Assert.Equal("Meaning: API version no longer available (API versioning).",
            ReadableMarkdown.Plain("Meaning: API version no longer available ([API versioning](../integrations-and-api/api-versioning-and-deprecation.md))."));
    }

    [Fact]
    public void A_javascript_link_in_an_article_goes_nowhere()
    {
        var html = ReadableMarkdown.Sentence("Click [here](javascript:alert(1)).", "a/b", out _).Value;

        Assert.DoesNotContain("javascript:", html);
    }

    private static string Marked(string html) =>
        string.Concat(MarkRun().Matches(html).Select(m => TagOrNewline().Replace(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), "")));

    [GeneratedRegex("<mark>(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex MarkRun();

    [GeneratedRegex("<[^>]+>|\n")]
    private static partial Regex TagOrNewline();
}
