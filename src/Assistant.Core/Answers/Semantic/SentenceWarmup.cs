using Assistant.Core.Answers.Verification;
using Assistant.Core.Retrieval;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Answers.Semantic;

/// <summary>
/// Embeds every passage sentence of the served index ahead of questions, so the semantic checks of an answer embed
/// only the question and its words. Without it the first questions about an article pay for its sentences (most of
/// an answer's time with the local model). Runs after the passage vectors, and only when the model has semantic
/// thresholds and the sentences fit the cache; otherwise answers embed sentences as they need them.
/// </summary>
public sealed class SentenceWarmup(KnowledgeIndex index, SentenceEmbeddings embeddings, ILogger<SentenceWarmup> logger)
{
    private const int Batch = 256;
    private readonly Lock _gate = new();
    private (string? Version, Task Run)? _latest;

    /// <summary>
    /// Warms the sentences of the served index version. Callers for the same version share one run (the host's
    /// background service, and a benchmark that must not measure while it runs), so nothing is embedded twice.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var version = index.Version;
            if (_latest is { } latest && latest.Version == version && !latest.Run.IsFaulted && !latest.Run.IsCanceled)
            {
                return latest.Run.WaitAsync(cancellationToken);
            }
            var run = WarmAsync(cancellationToken);
            _latest = (version, run);
            return run;
        }
    }

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (embeddings.Thresholds is null)
        {
            return;
        }
        var sentences = index.Current.Chunks
            .SelectMany(chunk => EvidenceUnits.Of(chunk.Text).Select(unit => chunk.Text[unit].Trim()))
            .Where(sentence => sentence.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (sentences.Count > SentenceEmbeddings.CacheLimit)
        {
            logger.LogInformation("Not warming {Count} passage sentences: more than the sentence cache holds ({Limit})", sentences.Count, SentenceEmbeddings.CacheLimit);
            return;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var batch in sentences.Chunk(Batch))
        {
            await embeddings.EmbedAsync(batch, cancellationToken);
        }
        logger.LogInformation("Embedded {Count} passage sentences for the semantic checks in {Seconds:F1}s", sentences.Count, clock.Elapsed.TotalSeconds);
    }
}
