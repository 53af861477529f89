using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Assistant.Core.Answers;

namespace Assistant.Core.Releases;

/// <summary>
/// What a version may say: an id people can type and put in a URL, an answer prompt there is a file for, a model only
/// where the deployment has a model endpoint, tools the deployment registers, and policy numbers within the same
/// ranges Assistant:Answers accepts (read from <see cref="AnswerOptions"/>' own [Range] attributes, so they never drift).
/// </summary>
public static partial class VersionRules
{
    public const int MaxIdLength = 40;

    public const int MaxDescriptionLength = 500;

    /// <summary>Every problem, by the field's camelCase path ("settings.answers.passages"); empty when there is none.</summary>
    public static Dictionary<string, string[]> Problems(string? id, string? description, AssistantSettings? settings, VersionContext context)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message) => (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(message);

        if (id is not null && !IdPattern().IsMatch(id))
        {
            Add("id", $"'{id}' is not a version id: use 1 to {MaxIdLength} lower-case letters, digits and dashes, starting with a letter or digit (\"v2-shorter-answers\").");
        }
        if (description is { Length: > MaxDescriptionLength })
        {
            Add("description", $"The description is at most {MaxDescriptionLength} characters.");
        }
        if (settings is null)
        {
            Add("settings", "The settings are missing.");
            return Flatten(problems);
        }
        if (!context.Prompts.Contains(settings.AnswerPrompt ?? ""))
        {
            Add("settings.answerPrompt", $"There is no answer prompt '{settings.AnswerPrompt}'; prompts are: {string.Join(", ", context.Prompts.Order())}.");
        }
        if (settings.Model is not null && string.IsNullOrWhiteSpace(settings.Model))
        {
            Add("settings.model", "The model is blank: name one, or send null for the offline extractive generator.");
        }
        else if (settings.Model is not null && !context.ModelEndpointConfigured)
        {
            Add("settings.model", $"The version names the model '{settings.Model}' but this deployment has no model endpoint (set Assistant:Model:Endpoint), so only null (offline) is possible.");
        }
        if (settings.Temperature is < 0 or > 2 || settings.Temperature is { } t && !float.IsFinite(t))
        {
            Add("settings.temperature", "The temperature is between 0 and 2, or null for the provider's default.");
        }
        if (settings.MaxOutputTokens is < 1 or > 100_000)
        {
            Add("settings.maxOutputTokens", "The output limit is between 1 and 100000 tokens, or null for the budget's default.");
        }
        if (settings.Answers is null)
        {
            Add("settings.answers", "The answer policy is missing.");
        }
        else
        {
            foreach (var (name, value) in Numbers(settings.Answers))
            {
                if (typeof(AnswerOptions).GetProperty(name)?.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(value))
                {
                    Add($"settings.answers.{Camel(name)}", $"{Camel(name)} is {value}; it must be between {range.Minimum} and {range.Maximum}.");
                }
            }
            if (!Enum.IsDefined(settings.Answers.UnsupportedSentences))
            {
                Add("settings.answers.unsupportedSentences", $"Unsupported sentences are one of: {string.Join(", ", Enum.GetNames<UnsupportedSentencePolicy>())}.");
            }
        }
        var unknown = (settings.EnabledTools ?? []).Where(tool => !context.Tools.Contains(tool, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            Add("settings.enabledTools", $"Unknown tool(s): {string.Join(", ", unknown)}. Tools are: {(context.Tools.Count == 0 ? "none" : string.Join(", ", context.Tools))}.");
        }
        return Flatten(problems);
    }

    /// <summary>One sentence naming every problem, for exceptions and the command line.</summary>
    /// <summary>What a store does before it writes a version: refuse it, naming every problem, when it has any.</summary>
    public static void ThrowIfInvalid(string? id, string description, AssistantSettings settings, VersionContext context)
    {
        if (Problems(id, description, settings, context) is { Count: > 0 } problems)
        {
            throw new InvalidVersionException(problems);
        }
    }

    /// <summary>Settings as stored: the enabled tools in their canonical order, so equal versions compare equal.</summary>
    public static AssistantSettings Normalize(AssistantSettings settings) =>
        settings with { EnabledTools = ConfiguredVersion.Canonical(settings.EnabledTools ?? []) };

    public static string Describe(IReadOnlyDictionary<string, string[]> problems) =>
        string.Join(" ", problems.Select(problem => $"{problem.Key}: {string.Join(" ", problem.Value)}"));

    private static IEnumerable<(string Name, double Value)> Numbers(AnswerPolicy policy) =>
    [
        (nameof(AnswerPolicy.Passages), policy.Passages),
        (nameof(AnswerPolicy.MinimumCoverage), policy.MinimumCoverage),
        (nameof(AnswerPolicy.SupportThreshold), policy.SupportThreshold),
        (nameof(AnswerPolicy.SuggestionFloor), policy.SuggestionFloor),
        (nameof(AnswerPolicy.MaxAnswerWords), policy.MaxAnswerWords),
    ];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static Dictionary<string, string[]> Flatten(Dictionary<string, List<string>> problems) =>
        problems.ToDictionary(problem => problem.Key, problem => problem.Value.ToArray(), StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}
