namespace Assistant.Core.Actions.Tools;

/// <summary>
/// A tool declined these arguments for this requester: the record is not theirs, a limit is exceeded, or the change
/// makes no sense (already on that plan). The message is written for the end user.
/// </summary>
public sealed class ToolRefusedException(ToolRefusal reason, string message) : Exception(message)
{
    public ToolRefusal Reason { get; } = reason;
}

public enum ToolRefusal
{
    /// <summary>The record does not exist for this customer (whether or not it exists for someone else).</summary>
    NotFound,

    /// <summary>A limit or business rule: amount above what is left, too many tickets today.</summary>
    Limit,
}
