using Assistant.Core;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Auth;

public static class KeyRingExtensions
{
    /// <summary>
    /// The keys that protect cookies, bearer tokens and antiforgery tokens. Sqlite: in the data folder, so sign-ins
    /// survive a restart. PostgreSQL: in the shared database, so a sign-in on one replica holds on all of them.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Assistant");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) => keys.XmlRepository = Repository(provider));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SharedKeyRing>();
        return services;
    }

    private static IXmlRepository Repository(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSQL
            ? new PostgresXmlRepository(provider.GetRequiredService<PostgresDatabase>())
            : new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(provider.GetRequiredService<IOptions<AssistantOptions>>().Value.DataDirectory), "keys")),
                provider.GetRequiredService<ILoggerFactory>());
}
