using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// Blanks the parts of a Markdown article that a rendered page does not show: HTML comments, elements hidden with
/// <c>hidden</c>, <c>aria-hidden="true"</c>, <c>display:none</c>, <c>visibility:hidden</c>, zero size or opacity,
/// <c>script</c>/<c>style</c>/<c>template</c> elements, link-reference "comments" (<c>[//]: # (...)</c>) and the
/// HTML tags themselves (their attributes, such as <c>title</c>, are not body text). Code spans and code blocks are
/// shown verbatim, so nothing inside them is touched.
/// </summary>
public static partial class HiddenMarkup
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .Build();

    private static readonly HashSet<string> HtmlElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "aside", "b", "bdi", "bdo", "big", "blockquote", "br", "center", "cite", "dd", "del", "details", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "picture", "pre", "q", "s", "samp", "section",
        "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "tt", "u", "ul", "var", "video", "wbr", "iframe", "object", "embed", "meta", "link", "input",
        "label", "button", "form", "select", "option", "textarea", "script", "style", "template", "noscript", "svg",
    };

    private static readonly HashSet<string> AlwaysHidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "meta", "link",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "hr", "img", "input", "meta", "link", "source", "wbr", "embed",
    };

    [GeneratedRegex(@"<!--.*?(?:-->|\z)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+([ \t]+\S.*)?$", RegexOptions.Multiline)]
    private static partial Regex LinkReference();

    [GeneratedRegex(@"\bhidden\b|aria-hidden\s*=\s*[""']?true|display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|(font-size|opacity|width|height|max-height)\s*:\s*0(?![.\d]*[1-9])(?:\.0+)?(px|em|rem|%)?\s*(;|[""']|$)|\b(d-none|sr-only|visually-hidden|invisible)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HidingAttribute();

    public static void Blank(Span<char> text, string original, List<DroppedText> dropped)
    {
        var code = CodeRegions(original);
        bool InCode(int offset) => code.Any(region => offset >= region.Start && offset < region.End);

        foreach (Match comment in Comment().Matches(original))
        {
            if (!InCode(comment.Index))
            {
                Drop(text, original, comment.Index, comment.Index + comment.Length, "html-comment", dropped);
            }
        }
        foreach (Match reference in LinkReference().Matches(original))
        {
            if (InCode(reference.Index))
            {
                continue;
            }
            // A plain reference-style link target is harmless to drop; one with text after it is the "comment" idiom.
            if (reference.Groups[1].Success)
            {
                Drop(text, original, reference.Index, reference.Index + reference.Length, "link-reference-comment", dropped);
            }
            else
            {
                Blanking.Blank(text, reference.Index, reference.Index + reference.Length);
            }
        }
        var hiddenUntil = -1;
        foreach (Match tag in Tag().Matches(original))
        {
            var name = tag.Groups[1].Value;
            if (!HtmlElements.Contains(name) || InCode(tag.Index) || tag.Index < hiddenUntil || text[tag.Index] != '<')
            {
                continue;
            }
            var opening = tag.Value[1] != '/';
            if (opening && (AlwaysHidden.Contains(name) || HidingAttribute().IsMatch(tag.Value[(name.Length + 1)..])))
            {
                hiddenUntil = ElementEnd(original, tag, name);
                Drop(text, original, tag.Index, hiddenUntil, AlwaysHidden.Contains(name) ? $"{name.ToLowerInvariant()}-element" : "hidden-element", dropped);
                continue;
            }
            Blanking.Blank(text, tag.Index, tag.Index + tag.Length);
        }
    }

    private static void Drop(Span<char> text, string original, int start, int end, string kind, List<DroppedText> dropped)
    {
        Blanking.Blank(text, start, end);
        dropped.Add(new DroppedText(kind, Blanking.LineOf(original, start), Blanking.Excerpt(original[start..end])));
    }

    /// <summary>Where a hidden element ends: its matching close tag, or for an unclosed one the end of its paragraph.</summary>
    private static int ElementEnd(string text, Match opening, string name)
    {
        var afterOpening = opening.Index + opening.Length;
        if (VoidElements.Contains(name) || opening.Value.EndsWith("/>", StringComparison.Ordinal))
        {
            return afterOpening;
        }
        var depth = 1;
        var same = new Regex($@"<(/?){Regex.Escape(name)}\b[^<>]*>", RegexOptions.IgnoreCase);
        for (var match = same.Match(text, afterOpening); match.Success; match = match.NextMatch())
        {
            depth += match.Groups[1].Length == 0 ? 1 : -1;
            if (depth == 0)
            {
                return match.Index + match.Length;
            }
        }
        var paragraphEnd = text.IndexOf("\n\n", afterOpening, StringComparison.Ordinal);
        return paragraphEnd < 0 ? text.Length : paragraphEnd;
    }

    private static List<(int Start, int End)> CodeRegions(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var regions = document.Descendants<CodeBlock>()
            .Select(block => (block.Span.Start, block.Span.End + 1))
            .Concat(document.Descendants<CodeInline>().Select(inline => (inline.Span.Start, inline.Span.End + 1)))
            .ToList();
        return regions;
    }
}
