using System.Text.Json;
using Assistant.Infra.Tests.Support;

namespace Assistant.Infra.Tests.Kubernetes;

/// <summary>A gateway appsettings.json (with comments, as the repository's has) flattened to configuration keys.</summary>
public sealed class GatewaySettings(JsonElement root)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static GatewaySettings FromFile(string path) => new(JsonDocument.Parse(File.ReadAllText(path), Options).RootElement);

    public static GatewaySettings FromConfigMap(Dictionary<string, object?> configMap) =>
        new(JsonDocument.Parse((string)Yaml.Map(Yaml.At(configMap, "data"), "data")["appsettings.json"]!, Options).RootElement);

    /// <summary>The children of a section, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> this[string section] =>
        Find(section) is { ValueKind: JsonValueKind.Object } element
            ? element.EnumerateObject().ToDictionary(property => property.Name, property => property.Value)
            : new Dictionary<string, JsonElement>();

    public string? Value(string key) => Find(key) is { } element ? Scalar(element) : null;

    public Dictionary<string, string?> Flatten()
    {
        var values = new Dictionary<string, string?>();
        Walk(root, "", values);
        return values;
    }

    private JsonElement? Find(string key)
    {
        var element = root;
        foreach (var part in key.Split(':'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return null;
            }
        }
        return element;
    }

    private static void Walk(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", values);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{prefix}:{index++}", values);
                }
                break;
            default:
                values[prefix] = Scalar(element);
                break;
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };
}
