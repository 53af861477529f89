namespace Assistant.Core.Feedback.Triage;

/// <summary>A triage step that is not allowed: an unknown field value or a move the status flow forbids.</summary>
public sealed class InvalidTriageException(string field, string message) : Exception(message)
{
    /// <summary>The request field at fault ("status", "cause", "note", ...), for a 400 problem's errors.</summary>
    public string Field { get; } = field;
}
