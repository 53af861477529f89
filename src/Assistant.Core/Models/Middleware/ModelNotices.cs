namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Middleware (fallback, budgets) tells whoever consumes the model's reply what it did through this key in a
/// response's AdditionalProperties; the answer pipeline shows the text to the user as the answer's notice. The model
/// layer owns the key so it needs nothing from the features that read it.
/// </summary>
public static class ModelNotices
{
    public const string Key = "assistant.notice";
}
