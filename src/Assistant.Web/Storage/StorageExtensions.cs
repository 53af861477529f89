namespace Assistant.Web.Storage;

public static class StorageExtensions
{
    /// <summary>Storage failures the client can act on: a busy database answers 503 with Retry-After.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<DatabaseBusyExceptionHandler>();
        return builder;
    }
}
