using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Prompts;

/// <summary>
/// A versioned prompt file embedded in the assembly (answer-v2.md, planner-v1.md), parsed once by Semantic Kernel's
/// prompt template engine and rendered per call with <c>{{$variable}}</c> values. The file name is the version a
/// trace or an audit entry records, so a changed wording is a new file, never an edit of a released one.
/// </summary>
public sealed partial class PromptTemplateFile
{
    private static readonly KernelPromptTemplateFactory Factory = new();

    // Rendering reads only the arguments: no plugins, no services, so one empty kernel serves every file and call.
    private static readonly Kernel Kernel = new();
    private readonly IPromptTemplate _template;
    private readonly HashSet<string> _variables;

    private PromptTemplateFile(string version, IPromptTemplate template, HashSet<string> variables) =>
        (Version, _template, _variables) = (version, template, variables);

    public string Version { get; }

    /// <summary>The variables the file uses, each exactly once declared.</summary>
    public IReadOnlySet<string> Variables => _variables;

    /// <summary>
    /// Loads <c>{version}.md</c>. The file must use exactly <paramref name="variables"/>, each as <c>{{$name}}</c> and
    /// nothing else between double braces: a misspelt variable would otherwise render as nothing, and a function call
    /// would fail only on the first answer, so both fail here, at startup.
    /// </summary>
    // A file's final newline is an editor convention, not part of the prompt.
    public static PromptTemplateFile Load(string version, params string[] variables) => FromText(version, Read(version).TrimEnd(), variables);

    internal static PromptTemplateFile FromText(string version, string text, params string[] variables)
    {
        var used = Blocks().Matches(text).Select(block => Variable().Match(block.Groups[1].Value) is { Success: true } name
            ? name.Groups[1].Value
            : throw new InvalidOperationException($"Prompt '{version}' has '{block.Value}': only {{{{$variable}}}} blocks are allowed.")).ToHashSet(StringComparer.Ordinal);
        var declared = variables.ToHashSet(StringComparer.Ordinal);
        if (!used.SetEquals(declared))
        {
            throw new InvalidOperationException(
                $"Prompt '{version}' uses {{{{${string.Join("}}, {{$", used.Order())}}}}} but the code supplies {string.Join(", ", declared.Order())}.");
        }
        // Values go in as written (AllowDangerouslySetContent): SK's default HTML-encodes them for its own chat-prompt
        // parser, which would show the model "don&#39;t". The rendered text is only ever one message's content, never
        // parsed for <message role=...> tags, and values are never re-read as template syntax, so a passage stays text.
        var config = new PromptTemplateConfig(text)
        {
            Name = version,
            InputVariables = [.. declared.Select(name => new InputVariable { Name = name, AllowDangerouslySetContent = true })],
        };
        return new PromptTemplateFile(version, Factory.Create(config), declared);
    }

    public async Task<string> RenderAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        if (values.Count != _variables.Count || !values.Keys.All(_variables.Contains))
        {
            throw new ArgumentException($"Prompt '{Version}' needs exactly: {string.Join(", ", _variables.Order())}.", nameof(values));
        }
        var arguments = new KernelArguments();
        foreach (var (name, value) in values)
        {
            arguments[name] = value;
        }
        return await _template.RenderAsync(Kernel, arguments, cancellationToken);
    }

    internal static string Read(string version)
    {
        using var stream = typeof(PromptTemplateFile).Assembly.GetManifestResourceStream($"{version}.md")
            ?? throw new InvalidOperationException($"Prompt '{version}.md' is not embedded; add it next to the code that uses it and to the csproj's prompt list.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Blocks();

    [GeneratedRegex(@"^\s*\$(\w+)\s*$")]
    private static partial Regex Variable();
}
