using Assistant.Core.Retrieval.Vectors.Qdrant;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;

namespace Assistant.Core.Retrieval.Vectors;

public static class VectorStoreServiceCollectionExtensions
{
    private const string KnowledgeDatabaseKey = StorageServiceCollectionExtensions.KnowledgeDatabaseKey;

    /// <summary>
    /// Registers the one <see cref="VectorStoreCollection{TKey,TRecord}"/> of chunk vectors, chosen by
    /// Assistant:VectorStore:Provider, with the ledger and backfill that keep it in step with the keyword index.
    /// Retrieval only ever sees the abstraction. On PostgreSQL the embedded store and the ledger live in the shared
    /// database, and a backfill takes <see cref="AdvisoryLocks.EmbeddingBackfill"/> so replicas embed one at a time.
    /// </summary>
    public static IServiceCollection AddAssistantVectorStore(this IServiceCollection services)
    {
        services.AddOptions<VectorStoreOptions>()
            .BindConfiguration(VectorStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VectorStoreCollection<Guid, ChunkVector>>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<VectorStoreOptions>>().Value;
            var dimensions = DimensionsOf(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
            return options.Provider switch
            {
                VectorStoreProvider.Qdrant => QdrantChunkCollection.Create(options, dimensions),
                _ when provider.UsesPostgres() => new EmbeddedChunkCollection(
                    provider.GetRequiredService<PostgresDatabase>(), options.CollectionName, dimensions),
                _ => new EmbeddedChunkCollection(
                    provider.GetRequiredKeyedService<SqliteDatabase>(KnowledgeDatabaseKey), options.CollectionName, dimensions),
            };
        });
        services.AddSingleton<IVectorLedger>(provider =>
        {
            var collection = provider.GetRequiredService<IOptions<VectorStoreOptions>>().Value.CollectionName;
            return provider.UsesPostgres()
                ? new PostgresVectorLedger(provider.GetRequiredService<PostgresDatabase>(), collection)
                : new VectorLedger(provider.GetRequiredKeyedService<SqliteDatabase>(KnowledgeDatabaseKey), collection);
        });
        services.AddReplicaLock();
        services.AddSingleton<VectorBackfill>();
        return services;
    }

    // The hashing and local generators say their size; an OpenAI-compatible endpoint may not, so ask it once.
    private static int DimensionsOf(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions
        ?? generator.GenerateVectorAsync("dimensions").GetAwaiter().GetResult().Length;
}
