namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// The golden case an agent writes from triaged feedback: the question, the articles that should be cited, and either
/// facts the answer must state or that the assistant must decline. Nullable because it arrives from JSON unchecked.
/// </summary>
public sealed record GoldenCaseRequest(
    string? Question,
    IReadOnlyList<string>? ExpectedArticles = null,
    IReadOnlyList<string>? Facts = null,
    bool ExpectDecline = false,
    string? Notes = null)
{
    public const int MaxQuestionLength = 2_000;

    public IReadOnlyList<string> CleanArticles => Clean(ExpectedArticles);

    public IReadOnlyList<string> CleanFacts => Clean(Facts);

    /// <summary>Problems by field name; empty when the case can be stored.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Question) || Question.Length > MaxQuestionLength)
        {
            errors["question"] = [$"The question is required (at most {MaxQuestionLength:N0} characters)."];
        }
        if (ExpectDecline && CleanFacts.Count > 0)
        {
            errors["facts"] = ["A case that expects a decline has no facts to state."];
        }
        if (!ExpectDecline && CleanFacts.Count == 0)
        {
            errors["facts"] = ["Give at least one fact the answer must state, or expect a decline."];
        }
        if (!ExpectDecline && CleanArticles.Count == 0)
        {
            errors["expectedArticles"] = ["Give at least one article (e.g. billing/refunds) the answer should cite."];
        }
        return errors;
    }

    private static string[] Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(value => value.Trim()).Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
