using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Storage;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Ingesting the knowledge base: options, the knowledge index's own database and store, and the pipeline steps.
    /// Needs <c>AddAssistantStorage</c>, <c>AddAssistantEmbeddings</c> and <c>AddAssistantRetrieval</c> (the index
    /// it keeps current).
    /// </summary>
    public static IServiceCollection AddAssistantKnowledge(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IKnowledgeStore>(provider => new SqliteKnowledgeStore(
            provider.GetRequiredKeyedService<SqliteDatabase>(StorageServiceCollectionExtensions.KnowledgeDatabaseKey)));
        services.AddSingleton<ITokenCounter, EstimatingTokenCounter>();
        services.AddSingleton<MarkdownDocumentParser>();
        services.AddSingleton<SectionChunker>();
        services.AddSingleton<ChunkBuilder>();
        services.AddSingleton<ChunkFlagger>();
        services.AddStore<IFlagReviewStore, SqliteFlagReviewStore, PostgresFlagReviewStore>();
        services.AddSingleton<ContentFlagCatalog>();
        services.AddSingleton<IngestionFingerprint>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<KnowledgeBase>();
        return services;
    }
}
