namespace Assistant.Core.Storage;

/// <summary>
/// One retrievable passage. Start/End are character offsets into the source document's text, so a citation can
/// point back at exactly the span a user clicks.
/// </summary>
public sealed record ChunkRecord(
    string Id,
    string DocumentId,
    int Ordinal,
    string Title,
    IReadOnlyList<string> HeadingPath,
    string SourcePath,
    int Start,
    int End,
    string Text,
    string ContentHash,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata,
    KeywordTerms Terms,
    ReadOnlyMemory<float> Vector)
{
    public string HeadingTrail => string.Join(" > ", HeadingPath);

    /// <summary>Sentences in this chunk that speak to the assistant (source offsets); see <see cref="Knowledge.Screening.InstructionDetector"/>.</summary>
    public IReadOnlyList<ContentFlag> Flags { get; init; } = [];
}
