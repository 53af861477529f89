using System.Text;
using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Knowledge.Sources;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Core.Tests.Knowledge;

public sealed class SectionChunkerTests
{
    private static (ParsedDocument Document, IReadOnlyList<ChunkDraft> Chunks) Chunk(string markdown, int target = 350, int overlap = 40, int max = 512)
    {
        var document = new MarkdownDocumentParser().Parse(
            new SourceItem("guide/doc", "guide/doc.md", SourceFormat.Markdown, Encoding.UTF8.GetBytes(markdown)));
        var chunker = new SectionChunker(new EstimatingTokenCounter(), Options.Create(new ChunkingOptions { TargetTokens = target, OverlapTokens = overlap, MaxTokens = max }));
        return (document, chunker.Chunk(document));
    }

    private static string Sentences(string topic, int count) =>
        string.Join(" ", Enumerable.Range(1, count).Select(i => $"Sentence {i} explains {topic} in some detail for the reader."));

    [Fact]
    public void Chunks_never_cross_a_heading_and_carry_the_heading_path()
    {
        var markdown = "---\ntitle: Guide\n---\n# Guide\n\nIntro text.\n\n## Billing\n\nBilling text.\n\n### Invoices\n\nInvoice text.\n\n## Security\n\nSecurity text.\n";

        var (document, chunks) = Chunk(markdown);

        Assert.Equal(4, chunks.Count);
        Assert.Equal([[], ["Billing"], ["Billing", "Invoices"], ["Security"]], chunks.Select(c => c.HeadingPath.ToArray()).ToArray());
        Assert.StartsWith("## Billing", document.Text[chunks[1].Start..chunks[1].End]);
        Assert.DoesNotContain("Invoice", document.Text[chunks[1].Start..chunks[1].End]);
    }

    [Fact]
    public void Character_ranges_point_at_the_source_text()
    {
        var markdown = "---\ntitle: Guide\n---\n# Guide\n\n## Steps\n\n1. Open Settings.\n2. Click Billing.\n";

        var (document, chunks) = Chunk(markdown);

        var chunk = Assert.Single(chunks);
        Assert.Equal("## Steps\n\n1. Open Settings.\n2. Click Billing.", markdown[chunk.Start..chunk.End]);
        Assert.Equal(markdown, document.Text);
    }

    [Fact]
    public void A_code_block_larger_than_the_target_but_within_the_maximum_stays_whole()
    {
        var code = string.Join("\n", Enumerable.Range(1, 80).Select(i => $"curl https://api.example.test/v1/items/{i} -H 'Authorization: Bearer token'"));
        var markdown = $"# Doc\n\n## Example\n\n{Sentences("the API", 6)}\n\n```bash\n{code}\n```\n\n{Sentences("the response", 6)}\n";

        var (document, chunks) = Chunk(markdown, target: 100, overlap: 0, max: 2000);

        var withCode = chunks.Where(c => document.Text[c.Start..c.End].Contains("```bash")).ToList();
        var only = Assert.Single(withCode);
        var text = document.Text[only.Start..only.End];
        Assert.Contains("items/1 ", text);
        Assert.Contains("items/80 ", text);
        Assert.EndsWith("```", text.TrimEnd());
    }

    [Fact]
    public void A_table_within_the_maximum_is_never_split()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 60).Select(i => $"| Plan {i} | {i * 100} requests per minute | burst {i * 10} |"));
        var markdown = $"# Doc\n\n## Limits\n\n{Sentences("limits", 5)}\n\n| Plan | Limit | Burst |\n|---|---|---|\n{rows}\n\n{Sentences("bursts", 5)}\n";

        var (document, chunks) = Chunk(markdown, target: 80, overlap: 0, max: 1000);

        var withTable = chunks.Where(c => document.Text[c.Start..c.End].Contains("| Plan")).ToList();
        var only = Assert.Single(withTable);
        Assert.Contains("| Plan 60 |", document.Text[only.Start..only.End]);
    }

    [Fact]
    public void A_long_section_splits_at_sentences_with_overlap_and_stays_under_target()
    {
        var markdown = $"# Doc\n\n## Refunds\n\n{Sentences("refunds", 60)}\n";

        var (document, chunks) = Chunk(markdown, target: 120, overlap: 30);

        Assert.True(chunks.Count >= 4, $"expected several chunks, got {chunks.Count}");
        Assert.All(chunks, c => Assert.Equal(["Refunds"], c.HeadingPath));
        Assert.All(chunks, c => Assert.InRange(new EstimatingTokenCounter().CountTokens(document.Text.AsSpan(c.Start, c.End - c.Start)), 1, 120));
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].Start < chunks[i - 1].End, $"chunk {i} should start inside chunk {i - 1} (overlap)");
            Assert.True(chunks[i].End > chunks[i - 1].End, $"chunk {i} should move forward");
        }
        Assert.EndsWith("Sentence 60 explains refunds in some detail for the reader.", document.Text[chunks[^1].Start..chunks[^1].End]);
    }

    [Fact]
    public void Plain_text_becomes_paragraph_chunks_with_the_given_title()
    {
        var document = new MarkdownDocumentParser().Parse(new SourceItem("42", "corpus.jsonl:1", SourceFormat.PlainText,
            Encoding.UTF8.GetBytes("First paragraph.\n\nSecond paragraph."), Title: "A study"));
        var chunker = new SectionChunker(new EstimatingTokenCounter(), Options.Create(new ChunkingOptions()));

        var chunk = Assert.Single(chunker.Chunk(document));

        Assert.Equal("A study", document.Title);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", document.Text[chunk.Start..chunk.End]);
    }
}
