using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Storage;

public static class ServiceProviderStorageExtensions
{
    /// <summary>Whether Assistant:Storage:Provider is PostgreSQL, for registrations that build one implementation per provider by hand.</summary>
    public static bool UsesPostgres(this IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSQL;
}
