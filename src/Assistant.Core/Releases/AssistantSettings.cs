using Assistant.Core.Answers;

namespace Assistant.Core.Releases;

/// <summary>
/// Everything besides the knowledge that changes what the assistant says: the answer prompt template, the model and
/// its parameters, the retrieval and answer-policy settings and the tools it may propose. One
/// <see cref="AssistantVersion"/> fixes one of these, so two answers from the same version differ only by the
/// question and the knowledge.
/// </summary>
/// <param name="AnswerPrompt">The answer template's version (a file under Answers/Prompts, e.g. "answer-v2").</param>
/// <param name="Model">
/// The model's name at the configured endpoint; null for the offline extractive generator. A version cannot name an
/// endpoint or key: those are the deployment's, not the release's.
/// </param>
/// <param name="Temperature">Sampling temperature sent to the model; null leaves the provider's default.</param>
/// <param name="MaxOutputTokens">Most tokens the model may write; null leaves the budget's default.</param>
/// <param name="Answers">Retrieval and answer policy: passages, coverage floor, support threshold, unsupported sentences.</param>
/// <param name="EnabledTools">Tools the assistant may propose; any other tool is refused as if switched off.</param>
public sealed record AssistantSettings(
    string AnswerPrompt,
    string? Model,
    float? Temperature,
    int? MaxOutputTokens,
    AnswerPolicy Answers,
    IReadOnlyList<string> EnabledTools);
