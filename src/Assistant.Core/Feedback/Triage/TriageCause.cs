namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// Why an answer was rated down, as a support agent judges it after reading the trace. Ids are stored and counted,
/// so they never change; labels are what the agent sees.
/// </summary>
public sealed record TriageCause(string Id, string Label)
{
    public static readonly TriageCause RetrievalMiss = new("retrieval-miss", "Retrieval miss");
    public static readonly TriageCause WrongPassage = new("wrong-passage", "Wrong passage");
    public static readonly TriageCause GenerationError = new("generation-error", "Generation error");
    public static readonly TriageCause OutdatedContent = new("outdated-content", "Outdated content");
    public static readonly TriageCause MissingContent = new("missing-content", "Missing content");
    public static readonly TriageCause Policy = new("policy", "Policy");
    public static readonly TriageCause NotAProblem = new("not-a-problem", "Not a problem");

    public static IReadOnlyList<TriageCause> All { get; } =
        [RetrievalMiss, WrongPassage, GenerationError, OutdatedContent, MissingContent, Policy, NotAProblem];

    public static bool IsKnown(string? id) => All.Any(cause => cause.Id == id);
}
