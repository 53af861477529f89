using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The key of the knowledge database's <see cref="SqliteDatabase"/> (knowledge.db): the knowledge store and the embedded vector store share it.</summary>
    public const string KnowledgeDatabaseKey = "knowledge";

    /// <summary>
    /// Where state lives: the data folder (checked writable at start-up), the storage provider, SQLite settings, the
    /// app database that every feature's store takes (conversations, traces, feedback, handoffs, actions, audit,
    /// backoffice), the knowledge database (keyed <see cref="KnowledgeDatabaseKey"/>), and, when the provider is
    /// PostgreSQL, the <see cref="PostgresDatabase"/> that replaces both.
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
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider == StorageProvider.PostgreSQL
                ? new PostgresDatabase(options.ConnectionString!)
                : throw new InvalidOperationException("A PostgreSQL store was asked for but Assistant:Storage:Provider is Sqlite.");
        });
        return services;
    }

    /// <summary>
    /// Registers a store with one implementation per provider; the one Assistant:Storage:Provider names is built
    /// (with its constructor's services) the first time the store is asked for.
    /// </summary>
    public static IServiceCollection AddStore<TService, TSqlite, TPostgres>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TPostgres : class, TService
    {
        services.AddSingleton<TService>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSQL
                ? ActivatorUtilities.CreateInstance<TPostgres>(provider)
                : ActivatorUtilities.CreateInstance<TSqlite>(provider));
        return services;
    }
}
