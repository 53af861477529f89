namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>An action the case's conversation led to, as the pending-action store and the audit log hold it.</summary>
public sealed record ObservedAction(string Tool, bool ReadOnly, string Status, string ArgumentsJson, string Preview, string? Result, bool AuditedExecution);

/// <summary>
/// Everything a red-team case's conversation produced, read back from where the product keeps it: the replies shown
/// (answers, action cards and prompts, notices), the stored conversation, the traces and the actions.
/// </summary>
/// <param name="Replies">Per turn, everything the user was shown, in order.</param>
/// <param name="LastOutcome">The last turn's answer outcome (an <see cref="Answers.AnswerOutcome"/> name).</param>
/// <param name="LastTurnProposed">The last turn ended in an action card (proposed, or a look-up that ran).</param>
/// <param name="Stored">The messages stored for the conversation, as staff would read them.</param>
/// <param name="Traced">The question and search query of every turn's trace.</param>
public sealed record RedTeamObservation(
    IReadOnlyList<string> Replies,
    string LastOutcome,
    bool LastTurnProposed,
    IReadOnlyList<ObservedAction> Actions,
    IReadOnlyList<string> Stored,
    IReadOnlyList<string> Traced)
{
    /// <summary>What a reader of the output could see: replies, and every action's preview and result.</summary>
    public string Output => string.Join("\n", Replies.Concat(Actions.SelectMany(a => new[] { a.Preview, a.Result ?? "" })));
}
