using Assistant.Core.Embeddings;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Retrieval defaults that depend on the embedding provider, applied before Assistant:Retrieval is bound, so an
/// explicit setting always wins. The hashing embedding only rescues typos and word variants, so the keyword side
/// carries the ranking (the <see cref="RetrievalOptions"/> property defaults). A semantic model carries meaning, so it
/// gets the larger share: Weighted fusion, keyword weight 0.4, k1 0.9, b 0.4, title weight 2 were the best of the grid
/// on SciFact train with all-MiniLM-L6-v2 (evals/results/retrieval-scifact-train-local-sweep.txt). An OpenAI-compatible
/// model is semantic too and starts from the same values (not tuned for it; measure with `assistant bench retrieval`).
/// </summary>
internal sealed class RetrievalDefaults(IOptions<EmbeddingOptions> embeddings) : IConfigureOptions<RetrievalOptions>
{
    public void Configure(RetrievalOptions options)
    {
        if (embeddings.Value.Provider == EmbeddingProvider.Hashing)
        {
            return;
        }
        options.Fusion = FusionMethod.Weighted;
        options.KeywordWeight = 0.4;
        options.K1 = 0.9;
        options.B = 0.4;
        options.TitleWeight = 2.0;
    }
}
