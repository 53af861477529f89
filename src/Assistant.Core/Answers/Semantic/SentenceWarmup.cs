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

    public async Task RunAsync(CancellationToken cancellationToken)
    {
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
