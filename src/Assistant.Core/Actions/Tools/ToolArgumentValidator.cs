using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assistant.Core.Actions.Tools;

/// <summary>
/// Checks arguments against a tool's JSON schema before anything else looks at them, whoever supplied them (the
/// model, the intent router or an API client). It covers the keywords our schemas use: type (with null), required,
/// enum, pattern, minLength/maxLength, minimum/maximum, and no properties beyond those declared. Each problem is
/// reported by argument name, in words a client can act on.
/// </summary>
public static class ToolArgumentValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(JsonElement schema, JsonElement arguments)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, string[]> { ["arguments"] = [$"Arguments must be a JSON object, not {Describe(arguments.ValueKind)}."] };
        }
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        foreach (var argument in arguments.EnumerateObject())
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(argument.Name, out var property))
            {
                var known = properties.ValueKind == JsonValueKind.Object ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "";
                Add(argument.Name, known.Length == 0 ? "This tool takes no arguments." : $"Unknown argument; this tool takes: {known}.");
                continue;
            }
            foreach (var problem in CheckValue(property, argument.Value))
            {
                Add(argument.Name, problem);
            }
        }
        foreach (var name in Required(schema))
        {
            if (!arguments.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                var description = properties.TryGetProperty(name, out var property) && property.TryGetProperty("description", out var text) ? $" ({text.GetString()})" : "";
                Add(name, $"Required{description}.");
            }
        }
        return errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

        void Add(string name, string problem)
        {
            if (!errors.TryGetValue(name, out var list))
            {
                errors[name] = list = [];
            }
            list.Add(problem);
        }
    }

    /// <summary>The errors in one line, for an audit row or a failure reason: "invoice: Required. amount: Too large."</summary>
    public static string Summarize(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));

    /// <summary>The names the schema requires.</summary>
    public static IReadOnlyList<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(name => name.GetString()!)] : [];

    private static IEnumerable<string> CheckValue(JsonElement property, JsonElement value)
    {
        var types = AllowedTypes(property);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (types.Count > 0 && !types.Contains("null"))
            {
                yield return "Must not be null.";
            }
            yield break;
        }
        if (types.Count > 0 && !types.Any(type => Matches(type, value)))
        {
            yield return $"Must be {string.Join(" or ", types.Where(t => t != "null"))}, not {Describe(value.ValueKind)}.";
            yield break;
        }
        if (property.TryGetProperty("enum", out var allowed))
        {
            var options = allowed.EnumerateArray().Where(option => option.ValueKind == JsonValueKind.String).Select(option => option.GetString()!).ToList();
            if (value.ValueKind == JsonValueKind.String && options.Count > 0 &&
                !options.Contains(value.GetString()!, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"Must be one of: {string.Join(", ", options)}.";
            }
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (property.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            {
                yield return min.GetInt32() == 1 ? "Must not be empty." : $"Must be at least {min.GetInt32()} characters.";
            }
            if (property.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
            {
                yield return $"Must be at most {max.GetInt32():N0} characters; this is {text.Length:N0}.";
            }
            if (property.TryGetProperty("pattern", out var pattern) &&
                !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
            {
                var example = property.TryGetProperty("description", out var description) ? $" ({description.GetString()})" : "";
                yield return $"'{Shorten(text)}' is not in the expected format{example}.";
            }
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            // JSON numbers are unbounded (1e308); a decimal holds about ±7.9e28. A number it cannot represent is a
            // client's mistake to correct, never a server error, and never rounded into another value.
            if (!value.TryGetDecimal(out var number))
            {
                yield return $"{Shorten(value.GetRawText())} is not a number this tool can take; it must be {Range(property)}.";
                yield break;
            }
            if (property.TryGetProperty("minimum", out var minimum) && number < minimum.GetDecimal())
            {
                yield return $"Must be at least {minimum.GetDecimal().ToString(CultureInfo.InvariantCulture)}.";
            }
            if (property.TryGetProperty("maximum", out var maximum) && number > maximum.GetDecimal())
            {
                yield return $"Must be at most {maximum.GetDecimal().ToString(CultureInfo.InvariantCulture)}.";
            }
        }
    }

    private static string Range(JsonElement property)
    {
        var minimum = property.TryGetProperty("minimum", out var min) && min.TryGetDecimal(out var low) ? low.ToString(CultureInfo.InvariantCulture) : null;
        var maximum = property.TryGetProperty("maximum", out var max) && max.TryGetDecimal(out var high) ? high.ToString(CultureInfo.InvariantCulture) : null;
        return (minimum, maximum) switch
        {
            (not null, not null) => $"between {minimum} and {maximum}",
            (not null, null) => $"at least {minimum}",
            (null, not null) => $"at most {maximum}",
            _ => "a number of at most 28 digits",
        };
    }

    private static List<string> AllowedTypes(JsonElement property)
    {
        if (!property.TryGetProperty("type", out var type))
        {
            return property.TryGetProperty("enum", out _) ? ["string"] : [];
        }
        return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
    }

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
