using System.Text.Json;

namespace Assistant.Web.OpenAICompatible;

public sealed record ChatCompletionMessage(string? Role, JsonElement Content)
{
    /// <summary>Content is a string, null, or an array of parts whose text parts are {"type": "text", "text": "..."}.</summary>
    public bool HasReadableContent => Content.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.Array => Content.EnumerateArray().All(part => part.ValueKind == JsonValueKind.Object &&
            (!IsText(part) || part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)),
        _ => false,
    };

    /// <summary>Content as text: a string, or the text parts of an array of content parts (others, such as images, are skipped).</summary>
    public string Text => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", Content.EnumerateArray().Where(IsText).Select(part => part.GetProperty("text").GetString())),
        _ => "",
    };

    private static bool IsText(JsonElement part) =>
        part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "text";
}

public sealed record ChatCompletionRequest(string? Model, IReadOnlyList<ChatCompletionMessage?>? Messages, bool? Stream);
