namespace Assistant.Core.Knowledge.Sources;

public enum SourceFormat
{
    Markdown,
    PlainText,
}

/// <summary>
/// One document as a source hands it over, before parsing. A source that already knows a title and metadata (a JSONL
/// record) passes them; a folder leaves them to the front matter.
/// </summary>
public sealed record SourceItem(
    string DocumentId,
    string SourcePath,
    SourceFormat Format,
    ReadOnlyMemory<byte> Content,
    string? Title = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Metadata = null)
{
    /// <summary>Set when the source itself could not read the item (too large, unreadable); the pipeline reports and skips it.</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// Set for a path that is not part of the source at all (a symbolic link that is not followed): the pipeline
    /// reports it and, unlike a rejected document, keeps no earlier version of it in the index.
    /// </summary>
    public bool IsExcluded { get; init; }

    public static SourceItem Rejected(string documentId, string sourcePath, string problem) =>
        new(documentId, sourcePath, SourceFormat.PlainText, ReadOnlyMemory<byte>.Empty) { Problem = problem };

    public static SourceItem Excluded(string sourcePath, string reason) =>
        new(sourcePath, sourcePath, SourceFormat.PlainText, ReadOnlyMemory<byte>.Empty) { Problem = reason, IsExcluded = true };
}
