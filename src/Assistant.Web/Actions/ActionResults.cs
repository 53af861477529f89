using Assistant.Core.Actions;

namespace Assistant.Web.Actions;

/// <summary>How an <see cref="ActionOutcome"/> becomes an HTTP answer: the view on success, problem details otherwise.</summary>
public static class ActionResults
{
    public static IResult From(ActionOutcome outcome, Func<ActionView, IResult> success) => outcome.Kind switch
    {
        ActionOutcomeKind.Ok => success(outcome.Action!),
        ActionOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>(), outcome.Message, title: "The request is not valid."),
        ActionOutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", outcome.Message),
        ActionOutcomeKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", outcome.Message),
        // The current action lets a client redraw its card without another request.
        ActionOutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "The action has moved on", outcome.Message,
            outcome.Action is null ? null : new Dictionary<string, object?> { ["action"] = outcome.Action }),
        ActionOutcomeKind.Refused => Problem(StatusCodes.Status422UnprocessableEntity, "The tool declined", outcome.Message),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.Kind}."),
    };

    public static IResult Ok(ActionOutcome outcome) => From(outcome, TypedResults.Ok);

    public static IResult NotFound(string what, string id) =>
        Problem(StatusCodes.Status404NotFound, $"{what} not found", $"There is no {what.ToLowerInvariant()} '{id}'.");

    private static IResult Problem(int status, string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}
