using System.Security.Claims;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Privacy;
using Assistant.Core.Tracing;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using AnswerFeedback = Assistant.Core.Feedback.Feedback;

namespace Assistant.Web.Feedback;

/// <summary>
/// Thumbs up or down on an answer, with what was wrong, stored against the answer's trace. Only the person who asked
/// can rate it (and change their rating); support staff read all feedback.
/// </summary>
public static class FeedbackExtensions
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantFeedback();
        builder.Services.AddAssistantFeedbackTriage();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feedback").WithTags("Feedback").RequireAuthorization();
        group.MapPut("/{traceId}", Save).WithSummary("Rate an answer you were given: {\"rating\": \"up\"|\"down\", \"categories\": [...], \"comment\": \"...\"}. Saving again changes it.");
        group.MapGet("/{traceId}", Get).WithSummary("Your feedback on an answer.");
        group.MapGet("/", List).RequireAuthorization(Roles.StaffPolicy).WithSummary("All feedback, newest first, optionally by status. Support staff only.");
        group.MapGet("/categories", () => TypedResults.Ok(FeedbackCategory.All)).WithSummary("The \"what was wrong\" categories.");
        return app.MapFeedbackTriage();
    }

    public static async Task<IResult> Save(string traceId, HttpRequest request, ClaimsPrincipal user, ITraceStore traces, IFeedbackStore feedback, CancellationToken cancellationToken)
    {
        var (submission, problem) = await JsonBody.ReadAsync<FeedbackSubmission>(request, 16 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var errors = submission!.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The feedback is not valid.");
        }
        if (await traces.GetAsync(traceId, cancellationToken) is not { } trace || trace.UserId != user.UserId())
        {
            return NotFound(traceId);
        }
        // Staff read comments in the triage queue; a card number or password typed into one must not reach them.
        var redacted = submission with { Comment = SensitiveDataRedactor.Clean(submission.Comment) };
        return TypedResults.Ok(await feedback.SaveAsync(traceId, user.UserId(), redacted, cancellationToken));
    }

    public static async Task<Results<Ok<AnswerFeedback>, ProblemHttpResult>> Get(string traceId, ClaimsPrincipal user, IFeedbackStore feedback, CancellationToken cancellationToken) =>
        await feedback.GetAsync(traceId, user.UserId(), cancellationToken) is { } saved
            ? TypedResults.Ok(saved)
            : TypedResults.Problem($"You have not rated the answer '{traceId}'.", statusCode: StatusCodes.Status404NotFound, title: "No feedback");

    public static async Task<Ok<IReadOnlyList<AnswerFeedback>>> List(string? status, IFeedbackStore feedback, CancellationToken cancellationToken) =>
        TypedResults.Ok(await feedback.ListAsync(status, cancellationToken: cancellationToken));

    private static ProblemHttpResult NotFound(string traceId) =>
        TypedResults.Problem($"There is no answer '{traceId}' of yours to rate.", statusCode: StatusCodes.Status404NotFound, title: "Answer not found");
}
