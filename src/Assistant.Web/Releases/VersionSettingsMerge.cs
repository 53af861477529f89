using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Core.Releases;

namespace Assistant.Web.Releases;

/// <summary>
/// Applies the settings an admin sent over a version's settings: objects merge member by member (so
/// <c>{"answers": {"passages": 8}}</c> keeps the other policy numbers), anything else replaces. Names match the
/// settings' camelCase JSON; a name the settings do not have is an error, not silently dropped.
/// </summary>
public static class VersionSettingsMerge
{
    /// <summary>The merged settings, or the problems by field.</summary>
    public static (AssistantSettings? Settings, Dictionary<string, string[]>? Problems) Apply(AssistantSettings current, JsonObject? changes)
    {
        if (changes is null)
        {
            return (current, null);
        }
        var merged = JsonNode.Parse(VersionJson.Write(current))!.AsObject();
        var unknown = new List<string>();
        Merge(merged, changes, "settings", unknown);
        if (unknown.Count > 0)
        {
            return (null, new() { ["settings"] = [$"Unknown setting(s): {string.Join(", ", unknown)}. Settings are: answerPrompt, model, temperature, maxOutputTokens, answers.{{passages, minimumCoverage, supportThreshold, suggestionFloor, unsupportedSentences, maxAnswerWords}}, enabledTools."] });
        }
        try
        {
            return (merged.Deserialize<AssistantSettings>(VersionJson.Options), null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return (null, new() { ["settings"] = [$"The settings are not valid: {exception.Message}"] });
        }
    }

    private static void Merge(JsonObject target, JsonObject changes, string path, List<string> unknown)
    {
        foreach (var (name, value) in changes)
        {
            var key = target.Select(member => member.Key).FirstOrDefault(existing => string.Equals(existing, name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                unknown.Add($"{path}.{name}");
            }
            else if (target[key] is JsonObject inner && value is JsonObject patch)
            {
                Merge(inner, patch, $"{path}.{key}", unknown);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
