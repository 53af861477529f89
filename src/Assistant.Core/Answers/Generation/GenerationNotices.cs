namespace Assistant.Core.Answers.Generation;

/// <summary>Phrases the answer pipeline and its prompts agree on (notices from model middleware use <c>ModelNotices.Key</c>).</summary>
public static class GenerationNotices
{
    /// <summary>The phrase the answer prompt tells a model to use when the passages hold no answer.</summary>
    public const string ModelDeclined = "I could not find this in the knowledge base";
}
