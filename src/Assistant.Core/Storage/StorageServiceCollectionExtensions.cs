using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The key of the knowledge database's <see cref="SqliteDatabase"/> (knowledge.db): the knowledge store and the embedded vector store share it.</summary>
    public const string KnowledgeDatabaseKey = "knowledge";

    /// <summary>
    /// Where state lives: the data folder (checked writable at start-up), SQLite settings, and the app database that
    /// every feature's store takes (conversations, traces, feedback, handoffs, actions, audit, backoffice), and the
    /// knowledge database (keyed <see cref="KnowledgeDatabaseKey"/>).
    /// </summary>
    public static IServiceCollection AddAssistantStorage(this IServiceCollection services)
    {
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssistantOptions>, DataDirectoryValidation>());
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new SqliteDatabase(
            provider.GetRequiredService<IOptions<AssistantOptions>>().Value.DatabasePath,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.BusyTimeoutSeconds));
        // The knowledge index has its own file, so an ingest's write transaction never blocks the app's writes.
        services.AddKeyedSingleton(KnowledgeDatabaseKey, (provider, _) => new SqliteDatabase(
            provider.GetRequiredService<IOptions<AssistantOptions>>().Value.KnowledgeDatabasePath,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.KnowledgeBusyTimeoutSeconds));
        return services;
    }
}
