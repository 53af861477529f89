namespace Assistant.Core.Knowledge.Screening;

/// <summary>One flagged sentence as an admin reviews it; Review is null while the flag is open.</summary>
public sealed record FlaggedSentence(string Hash, int Line, string Reason, string Text, FlagReview? Review)
{
    public bool IsOpen => Review is null;
}
