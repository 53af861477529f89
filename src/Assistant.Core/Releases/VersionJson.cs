using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Releases;

/// <summary>
/// How settings are stored and hashed: camelCase names, enums by name as the API shows them ("Drop"; read in any
/// case), not indented. The configured version's id is a hash of this text, so it must not depend on anything but the
/// settings (property order is the record's).
/// </summary>
public static class VersionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(AssistantSettings settings) => JsonSerializer.Serialize(settings, Options);

    public static AssistantSettings Read(string json) =>
        JsonSerializer.Deserialize<AssistantSettings>(json, Options) ?? throw new JsonException("Stored version settings are JSON null.");
}
