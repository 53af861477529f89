using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Where state lives: the data folder (checked writable at start-up), SQLite settings, and the app database that
    /// every feature's store takes (conversations, traces, feedback, handoffs, actions, audit, backoffice).
    /// </summary>
    public static IServiceCollection AddAssistantStorage(this IServiceCollection services)
    {
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssistantOptions>, DataDirectoryValidation>());
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new SqliteDatabase(
            provider.GetRequiredService<IOptions<AssistantOptions>>().Value.DatabasePath,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.BusyTimeoutSeconds));
        return services;
    }
}
