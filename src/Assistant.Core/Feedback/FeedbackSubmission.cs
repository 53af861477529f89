namespace Assistant.Core.Feedback;

/// <summary>What a client sends to rate an answer. Fields are nullable because they arrive from JSON unchecked.</summary>
public sealed record FeedbackSubmission(string? Rating, IReadOnlyList<string>? Categories = null, string? Comment = null)
{
    public const int MaxCommentLength = 2_000;

    /// <summary>The categories without duplicates, in the order first given.</summary>
    public IReadOnlyList<string> DistinctCategories => (Categories ?? []).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Problems by field name ("rating", "categories", "comment"); empty when the submission is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
            {
                errors[field] = messages = [];
            }
            messages.Add(message);
        }

        var categories = DistinctCategories;
        if (Rating is not (FeedbackRating.Up or FeedbackRating.Down))
        {
            Add("rating", $"Rating must be '{FeedbackRating.Up}' or '{FeedbackRating.Down}'.");
        }
        foreach (var unknown in categories.Where(id => !FeedbackCategory.IsKnown(id)))
        {
            Add("categories", $"Unknown category '{unknown}'. Known categories: {string.Join(", ", FeedbackCategory.All.Select(c => c.Id))}.");
        }
        if (Rating == FeedbackRating.Up && categories.Count > 0)
        {
            Add("categories", "Categories say what was wrong, so they are only allowed with a 'down' rating.");
        }
        if (Rating == FeedbackRating.Down && categories.Count == 0)
        {
            Add("categories", "A 'down' rating needs at least one category saying what was wrong.");
        }
        if (Comment is { Length: > MaxCommentLength })
        {
            Add("comment", $"Comment must be at most {MaxCommentLength:N0} characters (it has {Comment.Length:N0}).");
        }
        return errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }
}
