namespace Assistant.Core.Knowledge.Ingestion;

public sealed record SkippedSource(string SourcePath, string Reason);

/// <summary>What one ingest run did. Renamed documents also count once in Added and once in Deleted.</summary>
public sealed record IngestionReport(
    string Source,
    int Added,
    int Updated,
    int Renamed,
    int Deleted,
    int Unchanged,
    IReadOnlyList<SkippedSource> Skipped,
    int ChunksWritten,
    int ChunksEmbedded,
    int VectorsReused,
    TimeSpan Elapsed)
{
    public bool ChangedIndex => Added + Updated + Deleted > 0;
}
