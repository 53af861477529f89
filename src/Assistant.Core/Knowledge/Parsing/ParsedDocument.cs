namespace Assistant.Core.Knowledge.Parsing;

/// <summary>A document after parsing: its full text (offsets refer to it), title, metadata and blocks in order.</summary>
public sealed record ParsedDocument(
    string Id,
    string SourcePath,
    string Title,
    string Text,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata,
    IReadOnlyList<DocumentBlock> Blocks);
