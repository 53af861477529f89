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

    public static string WriteFlags(IReadOnlyList<ContentFlag> flags) =>
        flags.Count == 0 ? "[]" : JsonSerializer.Serialize(flags, StoredJsonOptions.Default);

    public static IReadOnlyList<ContentFlag> ReadFlags(string json) =>
        json == "[]" ? [] : JsonSerializer.Deserialize<ContentFlag[]>(json, StoredJsonOptions.Default) ?? [];
}
