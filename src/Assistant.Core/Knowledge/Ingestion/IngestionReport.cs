namespace Assistant.Core.Knowledge.Ingestion;

public sealed record SkippedSource(string SourcePath, string Reason);

/// <summary>
/// What one ingest run did to the keyword index. Renamed documents also count once in Added and once in Deleted.
/// Vectors follow in the background; their progress is <see cref="Retrieval.Vectors.EmbeddingStatus"/>.
/// </summary>
public sealed record IngestionReport(
    string Source,
    int Added,
    int Updated,
    int Renamed,
    int Deleted,
    int Unchanged,
    IReadOnlyList<SkippedSource> Skipped,
    int ChunksWritten,
    TimeSpan Elapsed)
{
    public bool ChangedIndex => Added + Updated + Deleted > 0;

    /// <summary>Text this run left out of the index because a reader never sees it (comments, hidden elements, invisible characters).</summary>
    public IReadOnlyList<DroppedSource> Dropped { get; init; } = [];

    /// <summary>Sentences this run found speaking to the assistant; they are stored with their chunks and never used as evidence.</summary>
    public IReadOnlyList<FlaggedSource> Flagged { get; init; } = [];
}
