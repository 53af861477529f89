namespace Assistant.Core.Answers.Generation;

/// <summary>
/// Middleware (fallback, budgets) tells the answer pipeline what it did through this key in a response's
/// AdditionalProperties; the text is shown to the user as the answer's notice.
/// </summary>
public static class GenerationNotices
{
    public const string Key = "assistant.notice";

    /// <summary>The phrase the answer prompt tells a model to use when the passages hold no answer.</summary>
    public const string ModelDeclined = "I could not find this in the knowledge base";
}
