namespace Assistant.Core.Tokenization;

/// <summary>Counts model tokens in text; chunk sizes and (later) costs are measured with it.</summary>
public interface ITokenCounter
{
    int CountTokens(ReadOnlySpan<char> text);
}
