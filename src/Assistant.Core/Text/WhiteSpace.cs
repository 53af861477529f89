namespace Assistant.Core.Text;

/// <summary>Moves range ends over white space, so splitters return exact ranges into the original text.</summary>
public static class WhiteSpace
{
    /// <summary>The first position at or after <paramref name="position"/> (before <paramref name="end"/>) that is not white space.</summary>
    public static int SkipForward(string text, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
        return position;
    }

    /// <summary>The end of <c>[start, end)</c> with trailing white space left out.</summary>
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return end;
    }
}
