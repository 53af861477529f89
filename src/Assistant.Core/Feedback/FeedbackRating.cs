namespace Assistant.Core.Feedback;

/// <summary>The two ratings a user can give an answer, as stored and sent over the wire.</summary>
public static class FeedbackRating
{
    public const string Up = "up";
    public const string Down = "down";
}
