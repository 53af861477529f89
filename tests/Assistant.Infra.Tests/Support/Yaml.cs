using YamlDotNet.RepresentationModel;

namespace Assistant.Infra.Tests.Support;

/// <summary>
/// YAML documents read into plain dictionaries, lists and strings, with aliases and merge keys (<c>&lt;&lt;: *name</c>)
/// resolved, so a test reads a manifest the way Docker Compose or Kubernetes would.
/// </summary>
public static class Yaml
{
    public static IReadOnlyList<Dictionary<string, object?>> LoadAll(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        return stream.Documents
            .Select(document => Convert(document.RootNode))
            .OfType<Dictionary<string, object?>>()
            .ToList();
    }

    public static Dictionary<string, object?> Load(string path) => LoadAll(path).Single();

    public static Dictionary<string, object?> Map(object? node, string what) =>
        node as Dictionary<string, object?> ?? throw new InvalidDataException($"{what} is not a mapping");

    public static List<object?> List(object? node, string what) =>
        node as List<object?> ?? throw new InvalidDataException($"{what} is not a list");

    /// <summary>The node at a dotted path of mapping keys, or null when any step is missing.</summary>
    public static object? At(object? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }
        return node;
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => ConvertMapping(mapping),
        _ => throw new InvalidDataException($"Unexpected YAML node {node.NodeType}"),
    };

    private static Dictionary<string, object?> ConvertMapping(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, object?>();
        // Merged keys first, so the mapping's own keys override them (YAML merge-key semantics).
        foreach (var (key, value) in mapping.Children)
        {
            if (((YamlScalarNode)key).Value == "<<")
            {
                foreach (var (mergedKey, mergedValue) in Map(Convert(value), "a merge key's value"))
                {
                    result[mergedKey] = mergedValue;
                }
            }
        }
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != "<<")
            {
                result[name] = Convert(value);
            }
        }
        return result;
    }
}
