using Assistant.Core.Embeddings;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Core;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Everything for ingesting and searching the knowledge base: options, store, pipeline steps, index, retriever.</summary>
    public static IServiceCollection AddAssistantKnowledge(this IServiceCollection services)
    {
        AddValidatedOptions<AssistantOptions>(services, AssistantOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssistantOptions>, DataDirectoryValidation>());
        AddValidatedOptions<IngestionOptions>(services, IngestionOptions.SectionName);
        AddValidatedOptions<ChunkingOptions>(services, ChunkingOptions.SectionName);
        // Registered before the binding, so Assistant:Retrieval settings override the provider's defaults.
        services.AddSingleton<IConfigureOptions<RetrievalOptions>, RetrievalDefaults>();
        AddValidatedOptions<RetrievalOptions>(services, RetrievalOptions.SectionName);
        AddValidatedOptions<StorageOptions>(services, StorageOptions.SectionName);
        services.AddAssistantEmbeddings();

        // Two files: the app's state (the SqliteDatabase every app store takes) and the knowledge index (its own).
        services.AddSingleton(provider => new SqliteDatabase(
            provider.GetRequiredService<IOptions<AssistantOptions>>().Value.DatabasePath,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.BusyTimeoutSeconds));
        services.AddKeyedSingleton(VectorStoreServiceCollectionExtensions.KnowledgeDatabaseKey, (provider, _) => new SqliteDatabase(
            provider.GetRequiredService<IOptions<AssistantOptions>>().Value.KnowledgeDatabasePath,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.KnowledgeBusyTimeoutSeconds));
        services.AddSingleton<IKnowledgeStore>(provider => new SqliteKnowledgeStore(
            provider.GetRequiredKeyedService<SqliteDatabase>(VectorStoreServiceCollectionExtensions.KnowledgeDatabaseKey)));
        services.AddSingleton<ITokenCounter, EstimatingTokenCounter>();
        services.AddSingleton<MarkdownDocumentParser>();
        services.AddSingleton<SectionChunker>();
        services.AddSingleton<ChunkBuilder>();
        services.AddSingleton<ChunkFlagger>();
        services.AddSingleton<IFlagReviewStore, SqliteFlagReviewStore>();
        services.AddSingleton<ContentFlagCatalog>();
        services.AddSingleton<IngestionFingerprint>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<KnowledgeBase>();
        services.AddAssistantVectorStore();
        services.AddSingleton<HybridRetriever>();
        return services;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
