using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Actions.SemanticKernel;

/// <summary>
/// Turns Semantic Kernel's arguments back into the JSON a tool's schema describes. The OpenAI connector hands every
/// value over as a string ("120" for an amount), so a value is read as a number or boolean where the schema says so,
/// and left as it is otherwise: the schema validator in <see cref="Proposing.ActionProposals"/> then judges it like any request.
/// </summary>
internal static class KernelArgumentJson
{
    public static JsonElement ToJson(KernelArguments? arguments, JsonElement? schema)
    {
        var json = new JsonObject();
        foreach (var (name, value) in arguments ?? [])
        {
            json[name] = value switch
            {
                null => null,
                JsonElement element => JsonNode.Parse(element.GetRawText()),
                string text => Typed(text, TypesOf(schema, name)),
                _ => JsonSerializer.SerializeToNode(value),
            };
        }
        return JsonSerializer.SerializeToElement(json);
    }

    private static JsonNode? Typed(string text, IReadOnlyCollection<string> types)
    {
        if ((types.Contains("number") || types.Contains("integer"))
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        if (types.Contains("boolean") && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }
        return JsonValue.Create(text);
    }

    /// <summary>The property's "type": a string or an array of strings (["number", "null"]).</summary>
    private static IReadOnlyCollection<string> TypesOf(JsonElement? schema, string property)
    {
        if (schema is not { } root || !root.TryGetProperty("properties", out var properties)
            || !properties.TryGetProperty(property, out var declared) || !declared.TryGetProperty("type", out var type))
        {
            return [];
        }
        return type.ValueKind == JsonValueKind.Array
            ? [.. type.EnumerateArray().Select(item => item.GetString() ?? "")]
            : [type.GetString() ?? ""];
    }
}
