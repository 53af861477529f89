using Assistant.Web.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace Assistant.Web;

/// <summary>The web UI: Blazor components rendered on the server (interactive where a page needs it).</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Components.Time.UserClock>();
        builder.Services.AddScoped<Chat.ChatSession>();
        builder.Services.AddScoped<Components.Actions.ActionEvidenceReader>();
        builder.Services.AddSingleton<Assistant.Core.Knowledge.Articles.ArticleRenderer>();
        return builder;
    }

    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// A browser that opens an unknown address gets the app's not-found page. Goes right after UseStatusCodePages: the
    /// page is rendered by running the pipeline again (authentication, antiforgery) for /not-found.
    /// </summary>
    public static WebApplication UseNotFoundPage(this WebApplication app)
    {
        // The APIs keep their problem details: for them this re-execution is switched off, and UseStatusCodePages
        // (outside it) writes one.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (IsApi(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return next(context);
        });
        return app;
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/v1") || path.StartsWithSegments("/openapi");
}
