namespace Assistant.Core.Actions;

/// <summary>
/// What a request to propose, decide or run an action came to. Not an exception: refusals are ordinary answers that
/// the API maps to problem details and the chat shows as a notice.
/// </summary>
public sealed record ActionOutcome(ActionOutcomeKind Kind, ActionView? Action = null, string? Message = null,
    IReadOnlyDictionary<string, string[]>? Errors = null, bool Existing = false)
{
    public bool Succeeded => Kind == ActionOutcomeKind.Ok;

    /// <summary>Why it did not succeed, in words for the requester: the message and each argument's errors.</summary>
    public string Explanation => Errors is { Count: > 0 } errors
        ? $"{Message} {string.Join(" ", errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"))}"
        : Message ?? "The request could not be prepared.";

    public static ActionOutcome Ok(ActionView action, bool existing = false) => new(ActionOutcomeKind.Ok, action, Existing: existing);

    public static ActionOutcome Invalid(string message, IReadOnlyDictionary<string, string[]> errors) => new(ActionOutcomeKind.Invalid, Message: message, Errors: errors);

    public static ActionOutcome NotFound(string message) => new(ActionOutcomeKind.NotFound, Message: message);

    public static ActionOutcome Forbidden(string message) => new(ActionOutcomeKind.Forbidden, Message: message);

    public static ActionOutcome Conflict(string message, ActionView? current = null) => new(ActionOutcomeKind.Conflict, current, message);

    public static ActionOutcome Refused(string message) => new(ActionOutcomeKind.Refused, Message: message);
}

public enum ActionOutcomeKind
{
    Ok,

    /// <summary>Arguments or a reason failed validation (400).</summary>
    Invalid,

    /// <summary>No such action or record for this person (404).</summary>
    NotFound,

    /// <summary>Their role may not do this (403).</summary>
    Forbidden,

    /// <summary>The action has moved on: someone else decided, it expired, or it already ran (409).</summary>
    Conflict,

    /// <summary>The tool declined: a limit or business rule (422).</summary>
    Refused,
}
