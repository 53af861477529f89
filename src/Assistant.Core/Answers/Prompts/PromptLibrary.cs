using System.Text;
using Assistant.Core.Prompts;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers.Prompts;

/// <summary>
/// The answer prompts: versioned template files (answer-v1.md, answer-v2.md) rendered by Semantic Kernel's template
/// engine with <c>{{$passages}}</c> (trusted text only) and, from v2, <c>{{$untrusted}}</c> (the marked block). An
/// assistant version names the one it answers with, and the name travels into every trace, so an evaluation or a
/// rollout can tell which prompt produced an answer.
/// </summary>
public sealed class PromptLibrary
{
    /// <summary>The prompt a deployment answers with unless an assistant version names another.</summary>
    public const string AnswerVersion = "answer-v2";

    // Parsed once, at start (a broken file fails there); a render then costs about 0.1 ms for eight passages.
    // v1 predates the untrusted block, so it takes the passages alone.
    private readonly Dictionary<string, PromptTemplateFile> _answers = new(StringComparer.Ordinal)
    {
        ["answer-v1"] = PromptTemplateFile.Load("answer-v1", "passages"),
        [AnswerVersion] = PromptTemplateFile.Load(AnswerVersion, "passages", "untrusted"),
    };

    /// <summary>The answer prompt versions a release may name.</summary>
    public IReadOnlyCollection<string> AnswerVersions => _answers.Keys;

    public Task<IReadOnlyList<ChatMessage>> AnswerMessagesAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default) =>
        AnswerMessagesAsync(AnswerVersion, question, passages, cancellationToken);

    /// <summary>The messages for <paramref name="version"/>; throws <see cref="ArgumentException"/> for a version there is no file for.</summary>
    public async Task<IReadOnlyList<ChatMessage>> AnswerMessagesAsync(string version, string question, IReadOnlyList<Passage> passages,
        CancellationToken cancellationToken = default)
    {
        if (!_answers.TryGetValue(version, out var template))
        {
            throw new ArgumentException($"There is no answer prompt '{version}'; prompts are: {string.Join(", ", _answers.Keys)}.", nameof(version));
        }
        var rendered = new StringBuilder();
        foreach (var passage in passages)
        {
            var headings = passage.Hit.HeadingPath.Select(UntrustedBlock.Label).ToList();
            var trail = headings.Count > 0 ? " › " + string.Join(" › ", headings) : "";
            rendered.Append($"[{passage.Number}] {UntrustedBlock.Label(passage.Hit.Title)}{trail}\n{UntrustedBlock.Collapse(passage)}\n\n");
        }
        var values = new Dictionary<string, string> { ["passages"] = rendered.ToString().TrimEnd() };
        if (template.Variables.Contains("untrusted"))
        {
            values["untrusted"] = UntrustedBlock.Render(passages);
        }
        var system = await template.RenderAsync(values, cancellationToken);
        // The question is the user's message, never part of the template, so nothing it says can reach the rules.
        return
        [
            new ChatMessage(ChatRole.System, system.TrimEnd()),
            new ChatMessage(ChatRole.User, question),
        ];
    }
}
