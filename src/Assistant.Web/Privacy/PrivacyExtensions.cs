using Microsoft.AspNetCore.HttpLogging;

namespace Assistant.Web.Privacy;

/// <summary>
/// What keeps user text out of the logs. Sensitive data itself is redacted where it enters (see
/// <see cref="Core.Privacy.SensitiveDataRedactor"/>); this makes sure request logging, if someone turns it on, never
/// writes a request or response body or a query string, where a message or a search would sit unredacted.
/// </summary>
public static class PrivacyExtensions
{
    private const HttpLoggingFields UserText = HttpLoggingFields.RequestBody | HttpLoggingFields.ResponseBody | HttpLoggingFields.RequestQuery;

    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        // PostConfigure runs after every Configure, so no later AddHttpLogging(options => ...) can put the bodies back.
        builder.Services.PostConfigure<HttpLoggingOptions>(options => options.LoggingFields &= ~UserText);
        return builder;
    }
}
