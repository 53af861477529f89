using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Assistant.Core.Knowledge.Parsing;

/// <summary>
/// Parses a source into blocks with exact character ranges. Markdown goes through Markdig (headings, lists, fenced
/// code, pipe tables); plain text becomes one paragraph per blank-line-separated run.
/// </summary>
public sealed class MarkdownDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .Build();

    public ParsedDocument Parse(SourceItem item)
    {
        // Everything after this works on what a reader sees; hidden text is blanked in place, so offsets stay exact.
        var screened = VisibleText.Of(SourceDecoder.Decode(item), item.Format);
        var text = screened.Text;
        // Front matter is read from .txt files too; a source that supplies its own metadata (JSONL) skips it.
        var bodyStart = 0;
        var frontMatter = item.Metadata is null && item.Title is null
            ? FrontMatter.Parse(text, out bodyStart)
            : new Dictionary<string, IReadOnlyList<string>>();
        var blocks = item.Format == SourceFormat.Markdown ? ParseMarkdown(text) : ParsePlainText(text, bodyStart);

        var metadata = new Dictionary<string, IReadOnlyList<string>>(frontMatter, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in item.Metadata ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            metadata[key] = value;
        }
        var slash = item.DocumentId.IndexOf('/');
        if (slash > 0 && !metadata.ContainsKey("category"))
        {
            metadata["category"] = [item.DocumentId[..slash]];
        }

        var title = FirstValue(metadata, "title")
            ?? item.Title
            ?? blocks.FirstOrDefault(block => block.Kind == BlockKind.Heading && block.HeadingLevel == 1)?.HeadingText
            ?? Path.GetFileName(item.DocumentId);
        metadata.Remove("title");
        return new ParsedDocument(item.DocumentId, item.SourcePath, title, text, metadata, blocks) { Dropped = screened.Dropped };
    }

    private static string? FirstValue(IReadOnlyDictionary<string, IReadOnlyList<string>> metadata, string key) =>
        metadata.TryGetValue(key, out var values) && values.Count > 0 && values[0].Length > 0 ? values[0] : null;

    private static List<DocumentBlock> ParseMarkdown(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<DocumentBlock>();
        foreach (var block in document)
        {
            // Markdig spans are inclusive; ours are half-open like C# ranges.
            var (start, end) = (block.Span.Start, Math.Min(block.Span.End + 1, text.Length));
            if (end <= start)
            {
                continue;
            }
            switch (block)
            {
                case YamlFrontMatterBlock or LinkReferenceDefinitionGroup or ThematicBreakBlock:
                    break;
                case HeadingBlock heading:
                    blocks.Add(new DocumentBlock(BlockKind.Heading, start, end, heading.Level, HeadingText(text, start, end)));
                    break;
                case ListBlock list:
                    blocks.Add(new DocumentBlock(BlockKind.List, start, end)
                    {
                        Items = list.Select(item => new Range(item.Span.Start, Math.Min(item.Span.End + 1, text.Length))).ToArray(),
                    });
                    break;
                case CodeBlock:
                    blocks.Add(new DocumentBlock(BlockKind.Code, start, end));
                    break;
                case Table:
                    blocks.Add(new DocumentBlock(BlockKind.Table, start, end));
                    break;
                case QuoteBlock:
                    blocks.Add(new DocumentBlock(BlockKind.Quote, start, end));
                    break;
                case ParagraphBlock:
                    blocks.Add(new DocumentBlock(BlockKind.Paragraph, start, end));
                    break;
                default:
                    blocks.Add(new DocumentBlock(BlockKind.Other, start, end));
                    break;
            }
        }
        return blocks;
    }

    private static string HeadingText(string text, int start, int end)
    {
        var line = text[start..end];
        var newline = line.IndexOf('\n');
        if (newline >= 0)
        {
            line = line[..newline]; // setext headings: the text is the first line
        }
        return line.Trim().Trim('#').Trim();
    }

    private static List<DocumentBlock> ParsePlainText(string text, int bodyStart)
    {
        var blocks = new List<DocumentBlock>();
        var position = bodyStart;
        while (position < text.Length)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            if (position >= text.Length)
            {
                break;
            }
            var blank = text.IndexOf("\n\n", position, StringComparison.Ordinal);
            var end = blank < 0 ? text.Length : blank;
            blocks.Add(new DocumentBlock(BlockKind.Paragraph, position, WhiteSpace.TrimEnd(text, position, end)));
            position = end;
        }
        return blocks;
    }
}
