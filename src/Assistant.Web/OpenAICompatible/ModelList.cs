namespace Assistant.Web.OpenAICompatible;

/// <summary>GET /v1/models: {"object": "list", "data": [...]}.</summary>
public sealed record ModelList(string Object, IReadOnlyList<ModelInfo> Data);
