using System.Text.Json;

namespace Assistant.Web.OpenAICompatible;

public sealed record ChatCompletionMessage(string? Role, JsonElement Content)
{
    /// <summary>Content as text: a string, or the text parts of an array of content parts.</summary>
    public string Text => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", Content.EnumerateArray()
            .Where(part => part.TryGetProperty("type", out var type) && type.GetString() == "text" && part.TryGetProperty("text", out _))
            .Select(part => part.GetProperty("text").GetString())),
        _ => "",
    };
}

public sealed record ChatCompletionRequest(string? Model, IReadOnlyList<ChatCompletionMessage>? Messages, bool? Stream);
