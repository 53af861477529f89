using System.Text;
using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

/// <summary>No passage is ever longer than ChunkingOptions.MaxTokens, whatever the document looks like.</summary>
public sealed class ChunkSizeLimitTests
{
    private const int Target = 350;
    private const int Max = 512;
    private static readonly EstimatingTokenCounter Tokens = new();

    private static (ParsedDocument Document, IReadOnlyList<ChunkDraft> Chunks) Chunk(string markdown)
    {
        var document = new MarkdownDocumentParser().Parse(
            new SourceItem("guide/doc", "guide/doc.md", SourceFormat.Markdown, Encoding.UTF8.GetBytes(markdown)));
        var chunker = new SectionChunker(Tokens, Options.Create(new ChunkingOptions { TargetTokens = Target, MaxTokens = Max, OverlapTokens = 40 }));
        return (document, chunker.Chunk(document));
    }

    // Every passage fits, and every non-blank character of the document body lies in some passage: nothing is lost.
    private static void AssertWithinMaximumAndComplete(ParsedDocument document, IReadOnlyList<ChunkDraft> chunks, int bodyStart, int bodyEnd)
    {
        Assert.NotEmpty(chunks);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.Start, 0, chunk.End - 1);
            Assert.InRange(Tokens.CountTokens(document.Text.AsSpan(chunk.Start, chunk.End - chunk.Start)), 1, Max);
        });
        var covered = new bool[document.Text.Length];
        foreach (var chunk in chunks)
        {
            Array.Fill(covered, true, chunk.Start, chunk.End - chunk.Start);
        }
        for (var i = bodyStart; i < bodyEnd; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(document.Text[i]), $"character {i} ('{document.Text[i]}') is in no passage");
        }
    }

    // Inside a block, a passage starts only at the beginning of a line (after its indentation) and ends only at the
    // end of one: a row or a line of code is never cut in two.
    private static void AssertCutsOnlyAtLineBreaks(ParsedDocument document, IReadOnlyList<ChunkDraft> chunks, int blockStart, int blockEnd)
    {
        var text = document.Text;
        foreach (var chunk in chunks)
        {
            if (chunk.Start > blockStart && chunk.Start < blockEnd)
            {
                var lineStart = text.LastIndexOf('\n', chunk.Start - 1) + 1;
                Assert.True(string.IsNullOrWhiteSpace(text[lineStart..chunk.Start]), $"passage starts mid-line: '{text[lineStart..(chunk.Start + 10)]}'");
            }
            if (chunk.End > blockStart && chunk.End < blockEnd)
            {
                Assert.True(text[chunk.End] is '\n' or '\r', $"passage ends mid-line: '{text[(chunk.End - 10)..(chunk.End + 10)]}'");
            }
        }
    }

    [Fact]
    public void A_200_KB_line_without_sentence_breaks_is_cut_at_whitespace_within_the_maximum()
    {
        var words = string.Join(" ", Enumerable.Range(0, 40_000).Select(i => $"w{i % 997}x"));
        Assert.True(words.Length > 200_000);
        var markdown = $"# Doc\n\n## Log\n\n{words}\n";

        var (document, chunks) = Chunk(markdown);

        var body = markdown.IndexOf("w0x", StringComparison.Ordinal);
        AssertWithinMaximumAndComplete(document, chunks, body, body + words.Length);
        Assert.True(chunks.Count > 100);
        // Cut between words, never inside one.
        Assert.All(chunks.Skip(1), chunk => Assert.Equal('w', document.Text[chunk.Start]));
        Assert.All(chunks, chunk => Assert.Equal('x', document.Text[chunk.End - 1]));
    }

    [Fact]
    public void A_200_KB_line_with_no_boundary_at_all_is_cut_hard_but_never_inside_a_surrogate_pair()
    {
        var run = string.Concat(Enumerable.Repeat("ab😀", 70_000));
        var markdown = $"# Doc\n\n{run}\n";

        var (document, chunks) = Chunk(markdown);

        var body = markdown.IndexOf("ab", StringComparison.Ordinal);
        AssertWithinMaximumAndComplete(document, chunks, body, body + run.Length);
        Assert.All(chunks, chunk =>
        {
            Assert.False(char.IsLowSurrogate(document.Text[chunk.Start]), $"passage at {chunk.Start} starts with half a surrogate pair");
            Assert.False(char.IsHighSurrogate(document.Text[chunk.End - 1]), $"passage ending at {chunk.End} ends with half a surrogate pair");
        });
    }

    [Fact]
    public void A_long_sentence_is_cut_at_clause_punctuation_before_plain_spaces()
    {
        var sentence = string.Join(", ", Enumerable.Range(0, 3_000).Select(i => $"item number {i} of the list")) + ".";
        var markdown = $"# Doc\n\n{sentence}\n";

        var (document, chunks) = Chunk(markdown);

        var body = markdown.IndexOf("item", StringComparison.Ordinal);
        AssertWithinMaximumAndComplete(document, chunks, body, body + sentence.Length);
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(',', document.Text[chunk.End - 1]));
    }

    [Fact]
    public void A_huge_table_is_cut_between_rows()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 3_000).Select(i => $"| Plan {i} | {i * 100} requests per minute | burst {i * 10} |"));
        var table = $"| Plan | Limit | Burst |\n|---|---|---|\n{rows}";
        var markdown = $"# Doc\n\n## Limits\n\nThe limits per plan.\n\n{table}\n\nThat is all.\n";

        var (document, chunks) = Chunk(markdown);

        var body = markdown.IndexOf("| Plan |", StringComparison.Ordinal);
        AssertWithinMaximumAndComplete(document, chunks, body, body + table.Length);
        Assert.True(chunks.Count(c => document.Text[c.Start..c.End].Contains("requests per minute")) > 10);
        AssertCutsOnlyAtLineBreaks(document, chunks, body, body + table.Length);
    }

    [Fact]
    public void A_huge_code_block_is_cut_between_lines()
    {
        var lines = Enumerable.Range(1, 4_000).Select(i => $"    call_service(\"endpoint-{i}\", retries={i % 5})").ToList();
        var code = $"```python\n{string.Join("\n", lines)}\n```";
        var markdown = $"# Doc\n\n## Script\n\n{code}\n";

        var (document, chunks) = Chunk(markdown);

        var body = markdown.IndexOf("```python", StringComparison.Ordinal);
        AssertWithinMaximumAndComplete(document, chunks, body, body + code.Length);
        Assert.True(chunks.Count > 20);
        AssertCutsOnlyAtLineBreaks(document, chunks, body, body + code.Length);
    }

    [Fact]
    public void A_heading_and_a_block_that_together_pass_the_maximum_are_not_one_passage()
    {
        var heading = "## " + string.Join(" ", Enumerable.Repeat("Very long heading words", 20));
        var code = "```\n" + string.Join("\n", Enumerable.Range(1, 40).Select(i => $"line {i} of a code block that fits alone")) + "\n```";
        var markdown = $"# Doc\n\n{heading}\n\n{code}\n";

        var (document, chunks) = Chunk(markdown);

        Assert.All(chunks, chunk => Assert.InRange(Tokens.CountTokens(document.Text.AsSpan(chunk.Start, chunk.End - chunk.Start)), 1, Max));
        Assert.Contains(chunks, chunk => document.Text[chunk.Start..chunk.End] == code);
    }
}
