namespace Assistant.Core.Answers;

/// <summary>
/// The evidence for one cited sentence: the passage, the quote inside it (character offsets into the passage text,
/// and into the source document), and how well the sentence is supported.
/// </summary>
public sealed record Citation(
    int Passage,
    string ChunkId,
    string DocumentId,
    string Title,
    int QuoteStart,
    int QuoteEnd,
    int SourceStart,
    int SourceEnd,
    string Quote,
    double Score);

/// <summary>One sentence of an answer with its verified citations.</summary>
public sealed record AnswerSentence(
    string Text,
    IReadOnlyList<Citation> Citations,
    bool Supported,
    double Score,
    IReadOnlyList<string> Problems);
