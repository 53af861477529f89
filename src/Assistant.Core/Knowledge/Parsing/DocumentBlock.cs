namespace Assistant.Core.Knowledge.Parsing;

public enum BlockKind
{
    Heading,
    Paragraph,
    List,
    Code,
    Table,
    Quote,
    Other,
}

/// <summary>
/// A top-level block of a document with its character range [Start, End) in the document text. Items holds the
/// ranges of a list's items, the places a long list may be split.
/// </summary>
public sealed record DocumentBlock(BlockKind Kind, int Start, int End, int HeadingLevel = 0, string? HeadingText = null)
{
    public IReadOnlyList<Range> Items { get; init; } = [];

    /// <summary>Code and tables lose their meaning when cut, so the chunker keeps them whole.</summary>
    public bool IsAtomic => Kind is BlockKind.Code or BlockKind.Table;
}
