using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers.Generation;

/// <summary>
/// The structured parts of an answer request, carried in <see cref="ChatOptions.AdditionalProperties"/> beside the
/// rendered prompt: a model reads the prompt, the extractive generator reads these.
/// </summary>
public static class AnswerRequestProperties
{
    public const string Question = "assistant.question";
    public const string Passages = "assistant.passages";
    public const string MaxWords = "assistant.maxWords";

    public static ChatOptions Create(string question, IReadOnlyList<Passage> passages, int maxWords) => new()
    {
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [Question] = question,
            [Passages] = passages,
            [MaxWords] = maxWords,
        },
    };
}
