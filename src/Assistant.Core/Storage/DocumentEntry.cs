namespace Assistant.Core.Storage;

/// <summary>One indexed source document as the store remembers it, enough to decide what an ingest must redo.</summary>
public sealed record DocumentEntry(
    string Id,
    string SourcePath,
    string Title,
    string ContentHash,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata);
