namespace Assistant.Cli.Benchmarks;

/// <summary>What "bench embed" writes: both encoders measured in one process, rounds alternating.</summary>
internal sealed record EmbeddingBenchmarkResult(
    string Dataset,
    int Passages,
    double MeanPassageTokens,
    int Queries,
    int Rounds,
    int ProcessorCount,
    string Method,
    EncoderFigures Package,
    EncoderFigures Onnx,
    double PassageSpeedRatio,
    double QueryLatencyRatio);

/// <summary>
/// Wall-clock throughput and latency, plus process CPU time per text: the CPU figures stay comparable when other
/// processes share the machine, the wall-clock ones do not.
/// </summary>
internal sealed record EncoderFigures(string Name, double PassagesPerSecond, double PassageCpuMs, LatencyStats QueryMs, double QueryCpuMs);
