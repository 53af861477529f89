using System.Security.Claims;
using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Releases;

/// <summary>The admin rollout API: the rollout and its guards, starting or changing a rollout, promoting, rolling back.</summary>
public static class ReleaseEndpoints
{
    public static async Task<Ok<ReleasesView>> Get(ReleasesViewBuilder view, CancellationToken cancellationToken) =>
        TypedResults.Ok(await view.BuildAsync(cancellationToken));

    public static async Task<IResult> SetCandidate(HttpRequest request, ClaimsPrincipal user, RolloutAdministration administration, IUserGroups groups,
        IAssistantVersionStore versions, ReleasesViewBuilder view, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SetCandidateRequest>(request, 64 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (RolloutChecks.Problems(body!.Candidate, body.Users, body.Groups, body.Percentage, groups.Known) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "The rollout was not changed.");
        }
        if (await versions.GetAsync(body.Candidate!.Trim(), cancellationToken) is null)
        {
            return JsonBody.Invalid("candidate", $"There is no version '{body.Candidate.Trim()}'; see GET /api/admin/versions.");
        }
        return await ChangeAsync(() => administration.SetCandidateAsync(Admin(user), body.Candidate!.Trim(),
            RolloutChecks.Audience(body.Users, body.Groups, body.Percentage), cancellationToken), view, cancellationToken);
    }

    public static Task<IResult> Promote(ClaimsPrincipal user, RolloutAdministration administration, ReleasesViewBuilder view, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.PromoteAsync(Admin(user), cancellationToken), view, cancellationToken);

    public static async Task<IResult> Rollback(HttpRequest request, ClaimsPrincipal user, RolloutAdministration administration, ReleasesViewBuilder view,
        CancellationToken cancellationToken)
    {
        // The body is optional: a bare POST rolls back with no reason given.
        string? reason = null;
        if (request.ContentLength is > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<RollbackRequest>(request, 8 * 1024, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            if (body!.Reason is { Length: > 500 })
            {
                return JsonBody.Invalid("reason", "The reason is at most 500 characters.");
            }
            reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        }
        return await ChangeAsync(() => administration.RollbackAsync(Admin(user), reason is null ? null : $"By hand: {reason}", cancellationToken: cancellationToken),
            view, cancellationToken);
    }

    private static RolloutActor Admin(ClaimsPrincipal user) => new(user.Actor().Username, user.Actor().Role);

    private static async Task<IResult> ChangeAsync(Func<Task<RolloutState>> change, ReleasesViewBuilder view, CancellationToken cancellationToken)
    {
        try
        {
            await change();
        }
        catch (RolloutConflictException conflict)
        {
            return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "The rollout's state does not allow this.");
        }
        return TypedResults.Ok(await view.BuildAsync(cancellationToken));
    }
}
