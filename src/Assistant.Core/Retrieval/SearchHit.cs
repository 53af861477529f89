namespace Assistant.Core.Retrieval;

/// <summary>Each retriever's view of a hit: its score and 1-based rank, or null when it did not return the chunk.</summary>
public sealed record RetrieverScores(double? Keyword, int? KeywordRank, double? Vector, int? VectorRank);

/// <summary>One retrieved passage with everything a citation needs to point back at its source.</summary>
public sealed record SearchHit(
    string ChunkId,
    string DocumentId,
    string Title,
    IReadOnlyList<string> HeadingPath,
    string SourcePath,
    int Start,
    int End,
    string Text,
    double Score,
    RetrieverScores Scores)
{
    /// <summary>Sentences of the passage flagged as speaking to the assistant (source offsets): never evidence, never quoted.</summary>
    public IReadOnlyList<Storage.ContentFlag> Flags { get; init; } = [];

    /// <summary>The article is marked <c>status: superseded</c>: kept for reference, its figures are known to be old.</summary>
    public bool Superseded { get; init; }
}
