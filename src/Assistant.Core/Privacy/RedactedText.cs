namespace Assistant.Core.Privacy;

/// <summary>A text with its sensitive data replaced by markers, and which kinds were removed (each once, in order found).</summary>
public sealed record RedactedText(string Text, IReadOnlyList<SensitiveDataKind> Removed)
{
    public bool Changed => Removed.Count > 0;
}
