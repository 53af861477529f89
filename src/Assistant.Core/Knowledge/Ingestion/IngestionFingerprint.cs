using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>
/// What, besides a file's bytes, decides the chunks and terms stored for it: the analyzer and the chunking settings.
/// It is part of each document's content hash, so changing either re-processes every document once (vectors are
/// still reused by chunk text) instead of leaving old chunks and terms in the index.
/// </summary>
public sealed class IngestionFingerprint(IOptions<ChunkingOptions> chunking)
{
    public string Current { get; } =
        $"{EnglishAnalyzer.Version}|chunks:{chunking.Value.TargetTokens}/{chunking.Value.MaxTokens}/{chunking.Value.OverlapTokens}";
}
