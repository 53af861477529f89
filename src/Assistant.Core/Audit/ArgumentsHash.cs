using System.Security.Cryptography;
using System.Text.Json;
using Assistant.Core.Storage;

namespace Assistant.Core.Audit;

/// <summary>
/// Fingerprints a tool's arguments for the audit log: SHA-256 (lowercase hex) of their canonical JSON, in which
/// object keys are sorted ordinally at every depth and there is no whitespace. The same arguments therefore hash
/// the same whatever order they were given in, and the log proves what ran without storing customer data.
/// </summary>
public static class ArgumentsHash
{
    public static string Compute(IEnumerable<KeyValuePair<string, object?>> arguments) =>
        Hash(Canonicalize(arguments));

    /// <summary>The hash of arguments already serialized as a JSON object (for example a stored action's arguments).</summary>
    public static string Compute(string argumentsJson) => Hash(Canonicalize(argumentsJson));

    public static string Canonicalize(IEnumerable<KeyValuePair<string, object?>> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = arguments.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return Canonicalize(JsonSerializer.SerializeToElement(values, StoredJsonOptions.Default));
    }

    public static string Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Canonicalize(document.RootElement);
    }

    public static string Canonicalize(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            Write(writer, element);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonicalJson)));

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(property => property.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                // Re-encoded rather than copied, so "\u00e9" and "é" in the input canonicalize alike.
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers keep their literal text: 1 and 1.0 are different arguments to some tools.
                element.WriteTo(writer);
                break;
        }
    }
}
