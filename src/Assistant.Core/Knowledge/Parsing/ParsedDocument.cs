namespace Assistant.Core.Knowledge.Parsing;

/// <summary>A document after parsing: its full text (offsets refer to it), title, metadata and blocks in order.</summary>
public sealed record ParsedDocument(
    string Id,
    string SourcePath,
    string Title,
    string Text,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata,
    IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>What screening left out because a reader never sees it (see <see cref="Screening.VisibleText"/>).</summary>
    public IReadOnlyList<Screening.DroppedText> Dropped { get; init; } = [];
}
