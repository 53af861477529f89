namespace Assistant.Core.Feedback;

/// <summary>
/// One of the fixed answers to "what was wrong?" on a thumbs-down. Ids are stored and reported on, so they never change;
/// labels are what the user sees and may be reworded.
/// </summary>
public sealed record FeedbackCategory(string Id, string Label)
{
    public static readonly FeedbackCategory WrongAnswer = new("wrong-answer", "Wrong answer");
    public static readonly FeedbackCategory WrongSource = new("wrong-source", "Wrong or missing source");
    public static readonly FeedbackCategory Outdated = new("outdated", "Outdated");
    public static readonly FeedbackCategory NotAnswered = new("not-answered", "Did not answer my question");
    public static readonly FeedbackCategory Unsafe = new("unsafe", "Unsafe or inappropriate");
    public static readonly FeedbackCategory TooSlow = new("too-slow", "Too slow");
    public static readonly FeedbackCategory Other = new("other", "Other");

    /// <summary>Every category, in the order the UI offers them.</summary>
    public static IReadOnlyList<FeedbackCategory> All { get; } = [WrongAnswer, WrongSource, Outdated, NotAnswered, Unsafe, TooSlow, Other];

    public static bool IsKnown(string? id) => All.Any(category => category.Id == id);
}
