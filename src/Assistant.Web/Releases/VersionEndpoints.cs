using System.Security.Claims;
using Assistant.Core.Releases;
using Assistant.Web.Auth;
using Assistant.Web.Http;

namespace Assistant.Web.Releases;

/// <summary>
/// The admin API for assistant versions: list, read (with the diff from its base), create a draft, change a draft,
/// publish, compare two. A published version never changes (409); bad input is a 400 naming every problem.
/// </summary>
public static class VersionEndpoints
{
    private const int MaxBody = 32 * 1024;

    public static async Task<IResult> List(IAssistantVersionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new VersionList((await store.ConfiguredAsync(cancellationToken)).Id, await store.ListAsync(cancellationToken)));

    public static async Task<IResult> Get(string id, IAssistantVersionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } version
            ? TypedResults.Ok(await ViewAsync(version, store, cancellationToken))
            : NotFound(id);

    public static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, IAssistantVersionStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<VersionCreateRequest>(request, MaxBody, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Id))
        {
            return JsonBody.Invalid("id", "Name the version: 1 to 40 lower-case letters, digits and dashes (\"v2-shorter-answers\").");
        }
        var basis = body.BasedOn is null ? await store.ConfiguredAsync(cancellationToken) : await store.GetAsync(body.BasedOn, cancellationToken);
        if (basis is null)
        {
            return JsonBody.Invalid("basedOn", $"There is no version '{body.BasedOn}' to base it on.");
        }
        var (settings, problems) = VersionSettingsMerge.Apply(basis.Settings, body.Settings);
        if (problems is not null)
        {
            return TypedResults.ValidationProblem(problems, title: "The version was not created.");
        }
        try
        {
            var version = await store.CreateDraftAsync(body.Id.Trim(), body.Description?.Trim() ?? "", settings!, basis.Id, user.Actor().Username, cancellationToken);
            return TypedResults.Created($"/api/admin/versions/{version.Id}", await ViewAsync(version, store, cancellationToken));
        }
        catch (InvalidVersionException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Problems, title: "The version was not created.");
        }
        catch (VersionConflictException conflict)
        {
            return Conflict(conflict);
        }
    }

    public static async Task<IResult> Update(string id, HttpRequest request, ClaimsPrincipal user, IAssistantVersionStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<VersionUpdateRequest>(request, MaxBody, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (await store.GetAsync(id, cancellationToken) is not { } current)
        {
            return NotFound(id);
        }
        if (current.Status == VersionStatus.Published)
        {
            return Conflict(new VersionConflictException($"Version '{id}' is published and never changes; create a new version based on it instead."));
        }
        var (settings, problems) = VersionSettingsMerge.Apply(current.Settings, body!.Settings);
        if (problems is not null)
        {
            return TypedResults.ValidationProblem(problems, title: "The version was not changed.");
        }
        try
        {
            var version = await store.UpdateDraftAsync(id, body.Description?.Trim() ?? current.Description, settings!, user.Actor().Username, cancellationToken);
            return TypedResults.Ok(await ViewAsync(version, store, cancellationToken));
        }
        catch (InvalidVersionException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Problems, title: "The version was not changed.");
        }
        catch (VersionConflictException conflict)
        {
            return Conflict(conflict);
        }
    }

    public static async Task<IResult> Publish(string id, ClaimsPrincipal user, IAssistantVersionStore store, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await ViewAsync(await store.PublishAsync(id, user.Actor().Username, cancellationToken), store, cancellationToken));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
        catch (InvalidVersionException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Problems, title: "The version was not published.");
        }
    }

    public static async Task<IResult> Diff(string from, string to, IAssistantVersionStore store, CancellationToken cancellationToken)
    {
        var before = await store.GetAsync(from, cancellationToken);
        var after = await store.GetAsync(to, cancellationToken);
        return (before, after) switch
        {
            (null, _) => NotFound(from),
            (_, null) => NotFound(to),
            _ => TypedResults.Ok(new VersionComparison(from, to, VersionDiff.Between(before.Settings, after.Settings))),
        };
    }

    private static async Task<VersionView> ViewAsync(AssistantVersion version, IAssistantVersionStore store, CancellationToken cancellationToken) =>
        new(version, version.BasedOn is { } basedOn && await store.GetAsync(basedOn, cancellationToken) is { } basis
            ? VersionDiff.Between(basis.Settings, version.Settings)
            : []);

    private static IResult NotFound(string id) =>
        TypedResults.Problem($"There is no assistant version '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Version not found");

    private static IResult Conflict(VersionConflictException conflict) =>
        TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "The version cannot change");
}
