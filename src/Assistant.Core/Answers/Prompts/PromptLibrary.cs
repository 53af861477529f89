using System.Reflection;
using System.Text;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers.Prompts;

/// <summary>
/// Prompts are versioned files embedded in the assembly (answer-v1.md, ...). The version travels into every trace,
/// so an evaluation or a rollout can tell which prompt produced an answer.
/// </summary>
public sealed class PromptLibrary
{
    public const string AnswerVersion = "answer-v2";

    private readonly string _answerTemplate = Load($"{AnswerVersion}.md");

    public IReadOnlyList<ChatMessage> AnswerMessages(string question, IReadOnlyList<Passage> passages)
    {
        var rendered = new StringBuilder();
        foreach (var passage in passages)
        {
            var headings = passage.Hit.HeadingPath.Select(UntrustedBlock.Label).ToList();
            var trail = headings.Count > 0 ? " › " + string.Join(" › ", headings) : "";
            rendered.Append($"[{passage.Number}] {UntrustedBlock.Label(passage.Hit.Title)}{trail}\n{UntrustedBlock.Collapse(passage)}\n\n");
        }
        var system = _answerTemplate
            .Replace("{{passages}}", rendered.ToString().TrimEnd())
            .Replace("{{untrusted}}", UntrustedBlock.Render(passages));
        return
        [
            new ChatMessage(ChatRole.System, system.TrimEnd()),
            new ChatMessage(ChatRole.User, question),
        ];
    }

    private static string Load(string name)
    {
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Prompt '{name}' is not embedded; add it under Answers/Prompts/.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
