namespace Assistant.Core.Answers;

public enum AnswerOutcome
{
    Answered,

    /// <summary>The knowledge base does not hold the answer, or nothing survived verification.</summary>
    Abstained,

    HandedOff,

    Failed,
}
