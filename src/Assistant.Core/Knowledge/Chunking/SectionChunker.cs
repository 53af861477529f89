using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Text;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge.Chunking;

/// <summary>
/// Cuts a document into passages that never cross a heading and fill up to a token target; none is ever longer than
/// <see cref="ChunkingOptions.MaxTokens"/>. Oversized prose is split at list items, then sentences, then
/// <see cref="PassageSplitter"/>'s lesser boundaries; a code block or table stays whole when it fits the maximum and
/// is cut between lines (rows) when it does not. Consecutive passages of one section share a little trailing prose
/// so a fact at a boundary is retrievable from either side.
/// </summary>
public sealed class SectionChunker(ITokenCounter tokens, IOptions<ChunkingOptions> options)
{
    private readonly int _target = options.Value.TargetTokens;
    private readonly int _overlap = options.Value.OverlapTokens;
    private readonly int _max = Math.Max(options.Value.MaxTokens, options.Value.TargetTokens);

    public IReadOnlyList<ChunkDraft> Chunk(ParsedDocument document)
    {
        var drafts = new List<ChunkDraft>();
        var headings = new List<(int Level, string Text)>();
        var section = new Section(HeadingPath: [], HeadingStart: null, HeadingTokens: 0);

        foreach (var block in document.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                Flush(document, section, drafts);
                headings.RemoveAll(heading => heading.Level >= block.HeadingLevel);
                headings.Add((block.HeadingLevel, block.HeadingText ?? ""));
                var headingTokens = tokens.CountTokens(document.Text.AsSpan(block.Start, block.End - block.Start));
                section = new Section(HeadingPathOf(headings, document.Title), block.Start, headingTokens);
                continue;
            }
            AddUnits(document.Text, block, section.Units);
        }
        Flush(document, section, drafts);
        return drafts;
    }

    // A level-1 heading that repeats the title adds nothing to a citation trail.
    private static string[] HeadingPathOf(List<(int Level, string Text)> headings, string title) =>
        headings
            .Where(heading => !(heading.Level == 1 && string.Equals(heading.Text, title, StringComparison.OrdinalIgnoreCase)))
            .Select(heading => heading.Text)
            .ToArray();

    private void AddUnits(string text, DocumentBlock block, List<Unit> units)
    {
        var size = Count(text, block.Start, block.End);
        if (block.IsAtomic)
        {
            if (size <= _max)
            {
                units.Add(new Unit(block.Start, block.End, size, Atomic: true));
                return;
            }
            AddPieces(text, block.Start, block.End, _max, units, atomic: true);
            return;
        }
        if (size <= _target)
        {
            units.Add(new Unit(block.Start, block.End, size, Atomic: false));
            return;
        }
        var parts = block.Items.Count > 0 ? block.Items : [new Range(block.Start, block.End)];
        foreach (var part in parts)
        {
            var (start, end) = (part.Start.Value, part.End.Value);
            var partSize = Count(text, start, end);
            if (partSize <= _target)
            {
                units.Add(new Unit(start, end, partSize, Atomic: false));
                continue;
            }
            foreach (var sentence in SentenceSplitter.Split(text, start, end))
            {
                var (s, e) = (sentence.Start.Value, sentence.End.Value);
                var sentenceSize = Count(text, s, e);
                if (sentenceSize <= _target)
                {
                    units.Add(new Unit(s, e, sentenceSize, Atomic: false));
                    continue;
                }
                AddPieces(text, s, e, _target, units, atomic: false);
            }
        }
    }

    // The pieces of a cut code block or table are marked atomic too, so overlap never repeats half a table.
    private void AddPieces(string text, int start, int end, int limit, List<Unit> units, bool atomic)
    {
        foreach (var piece in PassageSplitter.Split(text, start, end, limit, tokens))
        {
            var (s, e) = (piece.Start.Value, piece.End.Value);
            units.Add(new Unit(s, e, Count(text, s, e), atomic));
        }
    }

    private int Count(string text, int start, int end) => tokens.CountTokens(text.AsSpan(start, end - start));

    private void Flush(ParsedDocument document, Section section, List<ChunkDraft> drafts)
    {
        if (section.Units.Count == 0)
        {
            return;
        }
        var current = new List<Unit>();
        // The first passage of a section starts at its heading, so the heading counts towards its size.
        var size = section.HeadingTokens;
        var first = true;
        foreach (var unit in section.Units)
        {
            if (current.Count > 0 && size + unit.Tokens > _target)
            {
                Emit(current, first);
                first = false;
                current = OverlapTail(current, _max - unit.Tokens);
                size = current.Sum(u => u.Tokens);
            }
            if (current.Count == 0 && first && size + unit.Tokens > _max)
            {
                // The heading and this unit together pass the maximum: the passage starts at the unit instead (the
                // heading still travels in its heading path).
                first = false;
                size = 0;
            }
            current.Add(unit);
            size += unit.Tokens;
        }
        Emit(current, first);

        void Emit(List<Unit> units, bool firstOfSection)
        {
            var start = firstOfSection && section.HeadingStart is { } headingStart ? headingStart : units[0].Start;
            var end = units[^1].End;
            // Unit sizes leave out the blank lines between blocks; the passage as sliced must still fit.
            IReadOnlyList<Range> pieces = Count(document.Text, start, end) <= _max
                ? [new Range(start, end)]
                : PassageSplitter.Split(document.Text, start, end, _max, tokens);
            foreach (var piece in pieces)
            {
                drafts.Add(new ChunkDraft(drafts.Count, section.HeadingPath, piece.Start.Value, piece.End.Value));
            }
        }
    }

    private List<Unit> OverlapTail(List<Unit> emitted, int room)
    {
        var limit = Math.Min(_overlap, room);
        var tail = new List<Unit>();
        var size = 0;
        // Stop before taking the whole previous passage, or the next one would start as a copy of it.
        for (var i = emitted.Count - 1; i > 0; i--)
        {
            var unit = emitted[i];
            if (unit.Atomic || size + unit.Tokens > limit)
            {
                break;
            }
            tail.Insert(0, unit);
            size += unit.Tokens;
        }
        return tail;
    }

    private sealed record Section(IReadOnlyList<string> HeadingPath, int? HeadingStart, int HeadingTokens)
    {
        public List<Unit> Units { get; } = [];
    }

    private readonly record struct Unit(int Start, int End, int Tokens, bool Atomic);
}
