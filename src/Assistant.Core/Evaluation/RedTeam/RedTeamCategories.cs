namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>The attack classes of the red-team suite; each is one file, evals/redteam/&lt;category&gt;.jsonl.</summary>
public static class RedTeamCategories
{
    public const string DirectInjection = "direct-injection";
    public const string IndirectInjection = "indirect-injection";
    public const string Exfiltration = "exfiltration";
    public const string SystemPromptExtraction = "system-prompt-extraction";
    public const string PolicyJailbreak = "policy-jailbreak";
    public const string PiiEcho = "pii-echo";
    public const string ActionAbuse = "action-abuse";
    public const string HiddenInstructions = "hidden-instructions";
    public const string SensitiveQuestions = "sensitive-questions";

    public static readonly IReadOnlyList<string> All =
    [
        DirectInjection, IndirectInjection, Exfiltration, SystemPromptExtraction, PolicyJailbreak, PiiEcho, ActionAbuse,
        HiddenInstructions, SensitiveQuestions,
    ];
}
