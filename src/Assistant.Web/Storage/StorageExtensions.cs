using Assistant.Core.Storage;

namespace Assistant.Web.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The data folder and app database (or the PostgreSQL database, checked reachable before the host starts), and
    /// storage failures the client can act on: a busy or unreachable database answers 503 with Retry-After.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantStorage();
        builder.Services.AddHostedService<DatabaseStartupCheck>();
        builder.Services.AddExceptionHandler<DatabaseBusyExceptionHandler>();
        return builder;
    }
}
