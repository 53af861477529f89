using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Storage;

/// <summary>JSON settings for records stored as JSON columns: camelCase, enums as names, stable across versions.</summary>
public static class StoredJsonOptions
{
    public static JsonSerializerOptions Default { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
