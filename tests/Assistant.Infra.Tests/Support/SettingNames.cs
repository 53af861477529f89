using System.Reflection;
using Assistant.Core;

namespace Assistant.Infra.Tests.Support;

/// <summary>
/// Whether an environment variable such as <c>Assistant__Storage__Provider</c> names a real setting: a public
/// property of the options class whose SectionName is the rest of the key. A renamed option fails here instead
/// of being silently ignored by a deployment.
/// </summary>
public static class SettingNames
{
    private static readonly Dictionary<string, Type> OptionsBySection = typeof(AssistantOptions).Assembly.GetTypes()
        .Select(type => (type, field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
        .Where(pair => pair.field is { IsLiteral: true } && pair.field.FieldType == typeof(string))
        .ToDictionary(pair => (string)pair.field!.GetRawConstantValue()!, pair => pair.type, StringComparer.OrdinalIgnoreCase);

    public static bool IsAssistantSetting(string variable) => variable.StartsWith("Assistant__", StringComparison.Ordinal);

    public static bool Exists(string variable)
    {
        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        var split = key.LastIndexOf(':');
        return split > 0
            && OptionsBySection.TryGetValue(key[..split], out var options)
            && options.GetProperty(key[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true };
    }
}
