namespace Assistant.Core.Answers;

public enum AnswerOutcome
{
    Answered,

    /// <summary>The knowledge base does not hold the answer, or nothing survived verification.</summary>
    Abstained,

    HandedOff,

    /// <summary>The question refers to something the conversation does not pin down ("the second one"); the reply asks which.</summary>
    AskedToClarify,

    /// <summary>The message asked for an action; the reply is the action card or the question for what it needs.</summary>
    ActionRequested,

    /// <summary>Not answered: an admin put the assistant in maintenance (a kill switch); the reply is their message.</summary>
    Failed,
}
