using Assistant.Core.Answers;
using Assistant.Core.Operations;

namespace Assistant.Web.Chat;

/// <summary>The confidence indicator: a level people can read at a glance, and the reason behind it.</summary>
public sealed record ConfidenceLevel(string Name, string CssClass, string Explanation)
{
    public static ConfidenceLevel Of(Answer answer) => answer switch
    {
        { Generator: OperationsNotices.MaintenanceGenerator } => new("Maintenance", "low", answer.ConfidenceReason),
        { Outcome: not AnswerOutcome.Answered } => new("Not found", "low", answer.ConfidenceReason),
        { Confidence: >= 0.75 } => new("High confidence", "high", answer.ConfidenceReason),
        { Confidence: >= 0.45 } => new("Medium confidence", "medium", answer.ConfidenceReason),
        _ => new("Low confidence", "low", answer.ConfidenceReason),
    };

    /// <summary>Which generator wrote the answer, in words for the answer's footer.</summary>
    public static string ModeOf(Answer answer) => answer.Generator switch
    {
        "model" => $"Model: {answer.Model}",
        OperationsNotices.MaintenanceGenerator => "Not answered: the assistant is in maintenance",
        _ => "Offline mode: quoted from the help center",
    };
}
