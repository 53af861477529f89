using Assistant.Core.Launch;
using Assistant.Web.Auth;

namespace Assistant.Web.Launch;

/// <summary>The launch-readiness checklist for admins: /api/admin/launch, its Markdown export, and /admin/launch.</summary>
public static class LaunchExtensions
{
    public static WebApplicationBuilder AddLaunch(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantLaunch();
        return builder;
    }

    public static IEndpointRouteBuilder MapLaunch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Launch").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/launch", LaunchEndpoints.Get)
            .WithSummary("The launch-readiness checklist computed now: each item ready, not ready or unknown, with its evidence and where to fix it; ready only when all are. Admins only.");
        group.MapGet("/launch.md", LaunchEndpoints.Markdown).Produces<string>(contentType: "text/markdown")
            .WithSummary("The same checklist as a Markdown table, for a launch review. Admins only.");
        return app;
    }
}
