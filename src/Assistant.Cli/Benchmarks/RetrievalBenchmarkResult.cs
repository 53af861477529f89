namespace Assistant.Cli.Benchmarks;

internal sealed record SystemResult(string Name, double NdcgAt10, double RecallAt10, double MrrAt10, LatencyStats LatencyMs);

/// <summary>Seconds is the keyword phase (search works from then on); EmbeddingSeconds the vectors that follow.</summary>
internal sealed record IngestResult(
    double Seconds, double DocumentsPerSecond, int Documents, int Chunks, int Skipped,
    double EmbeddingSeconds, double EmbeddingPassagesPerSecond, string EmbeddingModel);

internal sealed record RetrievalBenchmarkResult(
    string Dataset,
    string Split,
    int Queries,
    DateTimeOffset RanAt,
    string Machine,
    IngestResult Ingest,
    IReadOnlyList<SystemResult> Systems,
    double PeakMemoryMb,
    IReadOnlyDictionary<string, object> Settings);
