using Microsoft.AspNetCore.HttpLogging;

namespace Assistant.Web.Privacy;

/// <summary>
/// What keeps user text out of the logs. Sensitive data itself is redacted where it enters (see
/// <see cref="Core.Privacy.SensitiveDataRedactor"/>), after the framework has seen the request; this makes sure the
/// framework's own logging, if someone turns it up, never writes what the user sent: request logging loses bodies and
/// query strings, and the categories whose lines carry user text stay quiet.
/// </summary>
public static class PrivacyExtensions
{
    private const HttpLoggingFields UserText = HttpLoggingFields.RequestBody | HttpLoggingFields.ResponseBody | HttpLoggingFields.RequestQuery;

    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        // PostConfigure runs after every Configure, so no later AddHttpLogging(options => ...) can put the bodies back.
        builder.Services.PostConfigure<HttpLoggingOptions>(options => options.LoggingFields &= ~UserText);
        // "Request starting GET /api/search?q=…" (Information) has the query; SignalR's Debug lines hold each hub
        // invocation's arguments, which for the web chat are what the user types. Added after the configuration's
        // rules, these win over a "Logging:LogLevel" entry for the same category.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Information);
        return builder;
    }
}
