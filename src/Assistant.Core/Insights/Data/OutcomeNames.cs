using Assistant.Core.Answers;

namespace Assistant.Core.Insights.Data;

/// <summary>The stored names of <see cref="AnswerOutcome"/> values, as the traces table holds them.</summary>
public static class OutcomeNames
{
    public const string Answered = nameof(AnswerOutcome.Answered);
    public const string Abstained = nameof(AnswerOutcome.Abstained);
    public const string ActionRequested = nameof(AnswerOutcome.ActionRequested);
    public const string AskedToClarify = nameof(AnswerOutcome.AskedToClarify);
}
