using Assistant.Web.Components;

namespace Assistant.Web;

/// <summary>The web UI: Blazor components rendered on the server (interactive where a page needs it).</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
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
}
