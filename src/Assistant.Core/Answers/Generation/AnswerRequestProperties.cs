using Assistant.Core.Budgets;
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

    /// <param name="userId">Whom the call is charged to (the user's daily budget); null charges no user.</param>
    public static ChatOptions Create(string question, IReadOnlyList<Passage> passages, int maxWords, string? userId = null) => new()
    {
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [Question] = question,
            [Passages] = passages,
            [MaxWords] = maxWords,
            [BudgetNotices.UserKey] = userId,
        },
    };
}
