using System.Text;
using Assistant.Core.Knowledge.Articles;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Assistant.Web.Chat;

/// <summary>
/// Markdown from the help center as a reader sees it: links as links (pointed at the /kb pages), tables as tables,
/// code as code. Raw HTML in an article is escaped, never rendered. A passage can carry a highlighted range given in
/// offsets of its markdown source, so a citation's quote stays exactly where the verifier found it.
/// </summary>
public static class ReadableMarkdown
{
    // Private-use characters mark the quote in the source; they survive rendering as text and are replaced afterwards.
    private const char QuoteOpen = '\uE000';
    private const char QuoteClose = '\uE001';

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    /// <summary>A passage as blocks, headings shown at level 3 (under the panel's title), with [start, end) marked.</summary>
    public static MarkupString Passage(string markdown, string documentId, int start, int end)
    {
        start = Math.Clamp(start, 0, markdown.Length);
        end = Math.Clamp(end, start, markdown.Length);
        if (end > start)
        {
            var open = SafeOffset(markdown, start);
            var close = Math.Max(open, SafeOffset(markdown, BeforeRowEnd(markdown, end)));
            markdown = markdown[..open] + QuoteOpen + markdown[open..close] + QuoteClose + markdown[close..];
        }
        var html = Render(markdown, documentId, headingLevel: 3);
        return new MarkupString(Highlight(html));
    }

    /// <summary>One answer sentence: inline when it is a single paragraph, as blocks (a table, code) otherwise.</summary>
    public static MarkupString Sentence(string markdown, string? documentId, out bool isBlock)
    {
        var html = Render(markdown, documentId, headingLevel: 3).Trim();
        isBlock = !(html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            && html.IndexOf("<p>", 1, StringComparison.Ordinal) < 0);
        return new MarkupString(isBlock ? html : html[3..^4]);
    }

    /// <summary>Markdown as plain text (for the screen-reader announcement): what the reader sees, no syntax.</summary>
    public static string Plain(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static string Render(string markdown, string? documentId, int headingLevel)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(link => link.Url is not null))
        {
            link.Url = documentId is null ? link.Url : ArticleLinks.Rewrite(link.Url!, documentId);
        }
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = headingLevel;
        }
        return Markdown.ToHtml(document, Pipeline);
    }

    /// <summary>
    /// Moves an offset off markdown syntax a marker would break: past the markers that open a line (heading hashes, a
    /// table's leading pipe, list bullets, quote marks), past table delimiter rows and code fences, and out of a link's
    /// address. The highlight then starts or ends a few syntax characters later, never inside a word.
    /// </summary>
    private static int SafeOffset(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var lineEnd = text.IndexOf('\n', offset);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
        var trimmed = line.TrimStart();
        var isFenceOrDelimiter = trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)
            || (trimmed.StartsWith('|') && trimmed.Trim().All(c => c is '|' or '-' or ':' or ' '));
        if (isFenceOrDelimiter && offset - lineStart <= line.Length - trimmed.Length + 1 && lineEnd >= 0)
        {
            return SafeOffset(text, lineEnd + 1);
        }
        if (string.IsNullOrWhiteSpace(text[lineStart..offset]))
        {
            var markers = line.Length - line.TrimStart(' ', '#', '>', '|', '-', '*', '+').Length;
            var numbered = System.Text.RegularExpressions.Regex.Match(line, @"^\s*\d+[.)]\s+");
            offset = lineStart + Math.Max(markers, numbered.Success ? numbered.Length : 0);
        }
        var linkAddress = text.LastIndexOf("](", Math.Max(0, offset - 1), StringComparison.Ordinal);
        if (linkAddress >= lineStart && offset > linkAddress)
        {
            var closing = text.IndexOf(')', linkAddress);
            if (closing >= offset - 1)
            {
                return closing + 1;
            }
        }
        return offset;
    }

    /// <summary>
    /// A quote that ends a table row ends after its last cell, not after the row's closing pipe: a marker there would
    /// become a cell of its own, which the table drops.
    /// </summary>
    private static int BeforeRowEnd(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var before = text[lineStart..offset].TrimEnd();
        return before.TrimStart().StartsWith('|') && before.EndsWith('|') && before.Length > 1
            ? lineStart + before[..^1].TrimEnd().Length
            : offset;
    }

    /// <summary>Wraps every run of text between the two markers in &lt;mark&gt;, closing it at each tag so nesting stays valid.</summary>
    private static string Highlight(string html)
    {
        if (html.IndexOf(QuoteOpen) < 0 || html.IndexOf(QuoteClose) < 0)
        {
            return html.Replace(QuoteOpen.ToString(), "").Replace(QuoteClose.ToString(), "");
        }
        var result = new StringBuilder(html.Length + 64);
        var inside = false;
        var inTag = false;
        var marking = false;
        foreach (var c in html)
        {
            if (inTag)
            {
                result.Append(c);
                inTag = c != '>';
                continue;
            }
            if (c is QuoteOpen or QuoteClose)
            {
                inside = c == QuoteOpen;
                if (!inside && marking)
                {
                    result.Append("</mark>");
                    marking = false;
                }
                continue;
            }
            if (c == '<')
            {
                if (marking)
                {
                    result.Append("</mark>");
                    marking = false;
                }
                inTag = true;
                result.Append(c);
                continue;
            }
            if (inside && !marking && c != '\n')
            {
                result.Append("<mark>");
                marking = true;
            }
            result.Append(c);
        }
        return result.ToString();
    }
}
