using Assistant.Core.Releases;
using Assistant.Web.Auth;

namespace Assistant.Web.Releases;

/// <summary>Assistant versions for admins: /api/admin/versions.</summary>
public static class VersionExtensions
{
    public static WebApplicationBuilder AddVersions(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantReleases();
        return builder;
    }

    public static IEndpointRouteBuilder MapVersions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/versions").WithTags("Versions").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", VersionEndpoints.List).WithSummary("Every assistant version, oldest first, and the id of the one the configuration describes. Admins only.");
        group.MapGet("/{id}", VersionEndpoints.Get).WithSummary("One version and its diff from the version it was based on. Admins only.");
        group.MapPost("/", VersionEndpoints.Create).ProducesValidationProblem()
            .WithSummary("Creates a draft: {\"id\", \"description\", \"basedOn\", \"settings\"}; settings merge over the base's (default: the configured version). 409 when the id is taken. Admins only.");
        group.MapPut("/{id}", VersionEndpoints.Update).ProducesValidationProblem()
            .WithSummary("Changes a draft's description or settings (merged over its own). 409 for a published version. Admins only.");
        group.MapPost("/{id}/publish", VersionEndpoints.Publish)
            .WithSummary("Publishes a draft: its settings never change again. Audited (version-published). Admins only.");
        group.MapGet("/{from}/diff/{to}", VersionEndpoints.Diff).WithSummary("What changes from one version to another, setting by setting. Admins only.");
        return app;
    }
}
