namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>A progress tick: how many source items have been looked at, of how many, and what came of them.</summary>
public sealed record IngestionProgress(int Processed, int? Total, int ChunksWritten, int Skipped, string? Current);
