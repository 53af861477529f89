using System.Text;
using Assistant.Core.Knowledge.Parsing;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Assistant.Core.Knowledge.Articles;

/// <summary>
/// Renders a knowledge article for the /kb/{article} page: front matter dropped, every heading given a stable id,
/// links between articles pointed at their pages, and raw HTML escaped so article text cannot inject markup.
/// </summary>
public sealed class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public RenderedArticle Render(string documentId, string markdownText)
    {
        // Parsing the whole file, front matter included, keeps Markdig's spans equal to offsets in the original text.
        var document = Markdown.Parse(markdownText, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(link => !link.IsImage && link.Url is not null))
        {
            link.Url = ArticleLinks.Rewrite(link.Url!, documentId);
        }
        var headings = document.Descendants<HeadingBlock>()
            .Select(heading => new ArticleHeading(
                heading.Level,
                PlainText(heading.Inline),
                heading.GetAttributes().Id ?? "",
                LineStart(markdownText, heading.Span.Start)))
            .ToArray();
        var title = FrontMatterTitle(markdownText)
            ?? headings.FirstOrDefault(heading => heading.Level == 1)?.Text
            ?? documentId[(documentId.LastIndexOf('/') + 1)..];
        return new RenderedArticle(documentId, title, Markdown.ToHtml(document, Pipeline), headings);
    }

    /// <summary>The anchor of the section containing a source offset (the last heading starting at or before it).</summary>
    public string? AnchorFor(RenderedArticle article, int sourceOffset) =>
        article.Headings.LastOrDefault(heading => heading.SourceStart <= sourceOffset)?.Anchor;

    private static string? FrontMatterTitle(string text)
    {
        try
        {
            return FrontMatter.Parse(text, out _).TryGetValue("title", out var values) && values is [{ Length: > 0 } title, ..]
                ? title
                : null;
        }
        catch (SourceRejectedException)
        {
            // Ingestion reports malformed front matter; the page still shows, titled by its H1.
            return null;
        }
    }

    private static int LineStart(string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        return position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
    }

    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var node in inline?.Descendants<Inline>() ?? [])
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString().Trim();
    }
}
