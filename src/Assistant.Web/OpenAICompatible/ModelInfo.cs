using System.Text.Json.Serialization;

namespace Assistant.Web.OpenAICompatible;

/// <summary>One entry of GET /v1/models, in OpenAI's shape.</summary>
public sealed record ModelInfo(
    string Id,
    string Object,
    long Created,
    [property: JsonPropertyName("owned_by")] string OwnedBy);
