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

    /// <summary>The text the chunk's vector is computed from (and its content hash): title and heading trail give the passage its context.</summary>
    public string EmbeddingInput => EmbeddingInputOf(Title, HeadingTrail, Text);

    public static string EmbeddingInputOf(string title, string trail, string text) =>
        trail.Length == 0 ? $"{title}\n{text}" : $"{title}\n{trail}\n{text}";

    /// <summary>Sentences in this chunk that speak to the assistant (source offsets); see <see cref="Knowledge.Screening.InstructionDetector"/>.</summary>
    public IReadOnlyList<ContentFlag> Flags { get; init; } = [];
}
