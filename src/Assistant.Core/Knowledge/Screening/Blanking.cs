namespace Assistant.Core.Knowledge.Screening;

/// <summary>Shared helpers for hiding text without moving anything after it.</summary>
public static class Blanking
{
    /// <summary>Overwrites [start, end) with spaces, keeping line breaks so line numbers and paragraph breaks survive.</summary>
    public static void Blank(Span<char> text, int start, int end)
    {
        for (var i = Math.Max(0, start); i < Math.Min(end, text.Length); i++)
        {
            if (text[i] is not ('\n' or '\r'))
            {
                text[i] = ' ';
            }
        }
    }

    /// <summary>The 1-based line an offset falls on.</summary>
    public static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    /// <summary>A one-line excerpt for reports: whitespace collapsed, cut at <paramref name="max"/> characters.</summary>
    public static string Excerpt(string text, int max = 120)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= max ? collapsed : collapsed[..(max - 1)] + "…";
    }
}
