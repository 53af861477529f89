using System.Security.Cryptography;
using System.Text;
using Assistant.Core.Answers;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Models;

namespace Assistant.Core.Releases;

/// <summary>The settings the deployment's configuration describes, and the id derived from them.</summary>
public static class ConfiguredVersion
{
    public const string IdPrefix = "config-";

    public const string Creator = "configuration";

    /// <summary>
    /// Today's answer path as configured. Temperature and the output limit are null: the generator sends neither, so the
    /// provider's default and the budget's limit apply.
    /// </summary>
    public static AssistantSettings Settings(AnswerOptions answers, ModelOptions model, IEnumerable<string> tools) => new(
        PromptLibrary.AnswerVersion,
        model.IsConfigured ? model.Model : null,
        null,
        null,
        AnswerPolicy.From(answers),
        Canonical(tools));

    /// <summary>"config-" and the first 8 hex digits of the SHA-256 of the settings' JSON: same settings, same id, on every start.</summary>
    public static string Id(AssistantSettings settings) =>
        IdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(VersionJson.Write(settings with { EnabledTools = Canonical(settings.EnabledTools) }))))[..8];

    /// <summary>Tools sorted and without repeats, so the order they were registered or typed in changes nothing.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> tools) => tools.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
