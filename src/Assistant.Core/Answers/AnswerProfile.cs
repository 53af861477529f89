namespace Assistant.Core.Answers;

/// <summary>
/// Everything one answer is made with besides the question and the knowledge: the answer prompt, the model and its
/// parameters and the answer policy, and the release that chose them. Answers knows no releases: the Releases feature
/// supplies profiles from assistant versions (<see cref="IAnswerProfiles"/>); without it they come from configuration.
/// </summary>
/// <param name="Version">The assistant version the trace records; null when no version was chosen.</param>
/// <param name="Arm">Which side of a rollout served the answer ("stable" or "candidate"); null without versions.</param>
/// <param name="Prompt">The answer prompt template's version, e.g. "answer-v2".</param>
/// <param name="Model">The model's name at the configured endpoint; null for the offline extractive generator.</param>
/// <param name="Policy">Passages, the coverage floor, the support threshold and what happens to unsupported sentences.</param>
public sealed record AnswerProfile(
    string? Version,
    string? Arm,
    string Prompt,
    string? Model,
    float? Temperature,
    int? MaxOutputTokens,
    AnswerPolicy Policy);
