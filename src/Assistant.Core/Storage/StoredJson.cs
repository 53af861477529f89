using System.Text.Json;

namespace Assistant.Core.Storage;

internal static class StoredJson
{
    public static string WriteMetadata(IReadOnlyDictionary<string, IReadOnlyList<string>> metadata) =>
        JsonSerializer.Serialize(metadata);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadMetadata(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(json)?
            .ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.OrdinalIgnoreCase)
        ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
}
