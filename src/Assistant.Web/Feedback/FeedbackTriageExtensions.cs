using System.Security.Claims;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Tracing;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Feedback;

/// <summary>
/// The triage queue over thumbs-down feedback (support staff only): list with filters, read one with its trace, label
/// a root cause and move its status, write a golden case from it. The /agent/feedback page uses the same services.
/// </summary>
public static class FeedbackTriageExtensions
{
    public static IEndpointRouteBuilder MapFeedbackTriage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feedback/triage").WithTags("Feedback triage").RequireAuthorization(Roles.StaffPolicy);
        group.MapGet("/", List).WithSummary("Thumbs-down feedback, newest first; filters: status, cause, category, from, to (ISO dates).");
        group.MapGet("/causes", Causes).WithSummary("The root causes, and negative feedback counted by cause (null: not triaged yet).");
        group.MapGet("/{feedbackId}", Get).WithSummary("One item with the full trace of the answer it rates.");
        group.MapPut("/{feedbackId}", Triage).WithSummary("Label a root cause and move the status: {\"status\", \"cause\", \"note\"}.");
        group.MapPut("/{feedbackId}/golden", AddToGoldenSet).WithSummary("Write the golden case for triaged feedback: {\"question\", \"expectedArticles\", \"facts\", \"expectDecline\", \"notes\"}.");
        return app;
    }

    public static async Task<IResult> List(string? status, string? cause, string? category, DateTimeOffset? from, DateTimeOffset? to, ITriageStore triage, CancellationToken cancellationToken)
    {
        var (filter, errors) = TriageQuery.Parse(status, cause, category, from, to);
        return filter is null
            ? TypedResults.ValidationProblem(errors, title: "The filters are not valid.")
            : TypedResults.Ok(await triage.ListAsync(filter, cancellationToken));
    }

    public static async Task<Ok<TriageCauses>> Causes(ITriageStore triage, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TriageCauses(TriageCause.All, await triage.CountByCauseAsync(cancellationToken)));

    public static async Task<Results<Ok<TriageDetail>, ProblemHttpResult>> Get(string feedbackId, ITriageStore triage, ITraceStore traces, IGoldenCaseDraftStore drafts, CancellationToken cancellationToken)
    {
        if (await triage.GetAsync(feedbackId, cancellationToken) is not { } item)
        {
            return NotFound(feedbackId);
        }
        var golden = (await drafts.ListAsync(cancellationToken: cancellationToken)).FirstOrDefault(d => d.FeedbackId == feedbackId);
        return TypedResults.Ok(new TriageDetail(item, await traces.GetAsync(item.Feedback.TraceId, cancellationToken), golden));
    }

    public static async Task<IResult> Triage(string feedbackId, HttpRequest request, ClaimsPrincipal user, FeedbackTriage triage, CancellationToken cancellationToken)
    {
        var (update, problem) = await JsonBody.ReadAsync<TriageUpdate>(request, 16 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        try
        {
            return await triage.TriageAsync(feedbackId, update!, user.Actor(), cancellationToken) is { } item ? TypedResults.Ok(item) : NotFound(feedbackId);
        }
        catch (InvalidTriageException exception)
        {
            return JsonBody.Invalid(exception.Field, exception.Message);
        }
    }

    public static async Task<IResult> AddToGoldenSet(string feedbackId, HttpRequest request, ClaimsPrincipal user, FeedbackTriage triage, CancellationToken cancellationToken)
    {
        var (golden, problem) = await JsonBody.ReadAsync<GoldenCaseRequest>(request, 16 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        try
        {
            return await triage.AddToGoldenSetAsync(feedbackId, golden!, user.Actor(), cancellationToken) is { } draft ? TypedResults.Ok(draft) : NotFound(feedbackId);
        }
        catch (InvalidTriageException exception)
        {
            return JsonBody.Invalid(exception.Field, exception.Message);
        }
    }

    private static ProblemHttpResult NotFound(string feedbackId) =>
        TypedResults.Problem($"There is no negative feedback '{feedbackId}'.", statusCode: StatusCodes.Status404NotFound, title: "Feedback not found");
}
