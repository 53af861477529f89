namespace Assistant.Core.Privacy;

/// <summary>One piece of sensitive data found in a text: where it is, what it is, and what replaces it.</summary>
internal sealed record SensitiveSpan(int Start, int Length, SensitiveDataKind Kind, string Marker)
{
    public int End => Start + Length;
}
