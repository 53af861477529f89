using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>Limits and behaviour of ingestion (section "Assistant:Ingestion").</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Assistant:Ingestion";

    /// <summary>Files larger than this are reported and skipped: a help article over 2 MB is almost surely a mistake.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Documents parsed and embedded together; bounds memory on very large folders.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>Whether the web host ingests the knowledge folder (incrementally) when it starts.</summary>
    public bool IngestOnStartup { get; set; } = true;
}
