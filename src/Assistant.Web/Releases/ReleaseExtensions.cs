using Assistant.Core.Releases.Rollout;
using Assistant.Web.Auth;

namespace Assistant.Web.Releases;

/// <summary>Staged rollout for admins: /api/admin/releases and /admin/releases; groups come from the account directory.</summary>
public static class ReleaseExtensions
{
    public static WebApplicationBuilder AddReleases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IUserGroups, AccountGroups>();
        builder.Services.AddAssistantRollout();
        builder.Services.AddSingleton<ReleasesViewBuilder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReleases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/releases").WithTags("Releases").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", ReleaseEndpoints.Get)
            .WithSummary("Stable and candidate versions, the candidate's diff and audience, the guard comparison with sample sizes, and release events. Admins only.");
        group.MapPut("/candidate", ReleaseEndpoints.SetCandidate).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rolls a published version out ({\"candidate\": \"v2\", \"users\": [], \"groups\": [\"beta-testers\"], \"percentage\": 10}), or changes the running rollout's audience. Audited. Admins only.");
        group.MapPost("/promote", ReleaseEndpoints.Promote).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The candidate becomes stable for everyone. 409 with no candidate. Audited. Admins only.");
        group.MapPost("/rollback", ReleaseEndpoints.Rollback).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Everyone goes back to stable ({\"reason\": \"...\"} optional). 409 with no candidate. Audited. Admins only.");
        return app;
    }
}
