using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Storage;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// The second screening step of ingestion, after chunking: finds the document's sentences that speak to the
/// assistant and attaches each to every chunk it overlaps (chunks of one section overlap, so a sentence can be in two).
/// </summary>
public sealed class ChunkFlagger
{
    public (IReadOnlyList<ChunkRecord> Chunks, IReadOnlyList<ContentFlag> Flags) Flag(ParsedDocument document, IReadOnlyList<ChunkRecord> chunks)
    {
        var flags = InstructionDetector.Find(document.Text);
        if (flags.Count == 0)
        {
            return (chunks, flags);
        }
        var flagged = chunks
            .Select(chunk => flags.Where(flag => flag.Start < chunk.End && flag.End > chunk.Start).ToList() is { Count: > 0 } overlapping
                ? chunk with { Flags = overlapping }
                : chunk)
            .ToList();
        return (flagged, flags);
    }
}
