using Assistant.Core.Text.Analysis;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Retrieval;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>
    /// Searching the knowledge base: the in-memory index, the vector store and its backfill, the hybrid retriever, and the one <see cref="EnglishAnalyzer"/>
    /// that ingestion, queries, the hashing embedding and the answer checks all receive, so the keyword index and its
    /// queries always read text the same way. Needs <c>AddAssistantStorage</c> and <c>AddAssistantEmbeddings</c>.
    /// </summary>
    public static IServiceCollection AddAssistantRetrieval(this IServiceCollection services)
    {
        // Registered before the binding, so Assistant:Retrieval settings override the embedding provider's defaults.
        services.AddSingleton<IConfigureOptions<RetrievalOptions>, RetrievalDefaults>();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EnglishAnalyzer>();
        services.AddSingleton<KnowledgeIndex>();
        services.AddAssistantVectorStore();
        services.AddSingleton<HybridRetriever>();
        return services;
    }
}
