using Assistant.Core.Knowledge.Articles;
using Xunit;

namespace Assistant.Core.Tests.Knowledge.Articles;

public sealed class ArticleRendererTests
{
    private const string Refund = """
        ---
        title: Request a refund
        audience: customers
        tags: [billing, refunds]
        ---

        # Refund policy

        Intro with *emphasis* and ~~struck~~ text.

        ## Full refund within 14 days

        You get everything back.

        | Plan | Days |
        |------|------|
        | Pro  | 14   |

        ## How to `request` a refund

        See [cancel](../plans-and-billing/cancel-subscription.md), [data](data-retention.md#what-we-keep),
        [site](https://example.com/a.md), [top](#summary) and [bad](javascript:alert(1)).

        <script>alert('x')</script>
        """;

    private readonly ArticleRenderer _renderer = new();

    [Fact]
    public void Front_matter_is_removed_and_gives_the_title()
    {
        var article = _renderer.Render("policies/refund-policy", Refund);

        Assert.Equal("Request a refund", article.Title);
        Assert.DoesNotContain("audience", article.Html);
        Assert.DoesNotContain("<hr", article.Html);
        Assert.StartsWith("<h1", article.Html.TrimStart());
    }

    [Fact]
    public void Without_front_matter_the_title_is_the_first_h1()
    {
        var article = _renderer.Render("a/b", "Lead paragraph.\n\n# The *real* title\n\ntext\n");

        Assert.Equal("The real title", article.Title);
    }

    [Fact]
    public void Headings_get_stable_ids()
    {
        var article = _renderer.Render("policies/refund-policy", Refund);

        Assert.Contains("<h2 id=\"full-refund-within-14-days\">", article.Html);
        Assert.Equal(
            [(1, "Refund policy", "refund-policy"), (2, "Full refund within 14 days", "full-refund-within-14-days"), (2, "How to request a refund", "how-to-request-a-refund")],
            article.Headings.Select(h => (h.Level, h.Text, h.Anchor)));
        Assert.All(article.Headings, h => Assert.Contains($" id=\"{h.Anchor}\"", article.Html));
    }

    [Fact]
    public void Heading_source_offsets_point_at_the_heading_line_in_the_original_text()
    {
        var article = _renderer.Render("policies/refund-policy", Refund);

        Assert.All(article.Headings, h => Assert.StartsWith(new string('#', h.Level) + " ", Refund[h.SourceStart..]));
    }

    [Fact]
    public void Tables_and_emphasis_extras_render()
    {
        var html = _renderer.Render("policies/refund-policy", Refund).Html;

        Assert.Contains("<table>", html);
        Assert.Contains("<del>struck</del>", html);
        Assert.Contains("<em>emphasis</em>", html);
    }

    [Fact]
    public void Raw_html_is_escaped_not_emitted()
    {
        var html = _renderer.Render("policies/refund-policy", Refund + "\n\nInline <img src=x onerror=alert(1)> too.\n").Html;

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Relative_article_links_become_kb_links()
    {
        var html = _renderer.Render("policies/refund-policy", Refund).Html;

        Assert.Contains("href=\"/kb/plans-and-billing/cancel-subscription\"", html);
        Assert.Contains("href=\"/kb/policies/data-retention#what-we-keep\"", html);
        Assert.Contains("href=\"https://example.com/a.md\"", html);
        Assert.Contains("href=\"#summary\"", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Theory]
    [InlineData("policies/refund-policy", "refund-policy-2024.md", "/kb/policies/refund-policy-2024")]
    [InlineData("policies/refund-policy", "./faq.md?x=1#top", "/kb/policies/faq#top")]
    [InlineData("policies/refund-policy", "../../outside.md", "../../outside.md")]
    [InlineData("top-level", "other.md", "/kb/other")]
    [InlineData("a/b", "image.png", "image.png")]
    [InlineData("a/b", "mailto:help@example.com", "mailto:help@example.com")]
    [InlineData("a/b", "data:text/html,hi", "#")]
    public void Links_resolve_against_the_document_folder(string documentId, string url, string expected)
    {
        Assert.Equal(expected, ArticleLinks.Rewrite(url, documentId));
    }

    [Fact]
    public void AnchorFor_maps_an_offset_to_the_section_containing_it()
    {
        var article = _renderer.Render("policies/refund-policy", Refund);

        Assert.Null(_renderer.AnchorFor(article, 0));
        Assert.Equal("refund-policy", _renderer.AnchorFor(article, Refund.IndexOf("Intro", StringComparison.Ordinal)));
        Assert.Equal("full-refund-within-14-days", _renderer.AnchorFor(article, Refund.IndexOf("everything back", StringComparison.Ordinal)));
        Assert.Equal("full-refund-within-14-days", _renderer.AnchorFor(article, Refund.IndexOf("## Full", StringComparison.Ordinal)));
        Assert.Equal("how-to-request-a-refund", _renderer.AnchorFor(article, Refund.Length));
    }
}
