using System.Text;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// Removes characters that render as nothing (zero-width spaces and joiners, bidirectional controls, soft hyphens,
/// Hangul fillers, Unicode tag characters, variation-selector runs) yet can hide text from a reader or split a word
/// so a check does not see it. To keep every offset exact, the visible characters of an affected word close up and
/// the freed places become spaces at the word's end: "re\u200Bfund" reads "refund " and the next word has not moved.
/// </summary>
public static class InvisibleCharacters
{
    public const string Kind = "invisible-characters";

    public static void Remove(Span<char> text, string original, List<DroppedText> dropped)
    {
        var position = 0;
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
                continue;
            }
            var end = position;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }
            CloseUp(text, original, position, end, dropped);
            position = end;
        }
    }

    private static void CloseUp(Span<char> text, string original, int start, int end, List<DroppedText> dropped)
    {
        // Nearly every word has nothing invisible: look before copying it.
        if (!HasInvisible(text[start..end]))
        {
            return;
        }
        // Read from a copy: the visible characters are written back over the run as it is read.
        ReadOnlySpan<char> word = text[start..end].ToArray();
        var write = start;
        var removed = 0;
        var smuggled = new StringBuilder();
        for (var read = 0; read < word.Length; read++)
        {
            var width = Width(word, read);
            if (width == 0)
            {
                text[write++] = word[read];
                continue;
            }
            if (width == 2 && char.ConvertToUtf32(word[read], word[read + 1]) is var code && code is >= 0xE0020 and <= 0xE007E)
            {
                smuggled.Append((char)(code - 0xE0000));
            }
            removed++;
            read += width - 1;
        }
        if (removed == 0)
        {
            return;
        }
        Blanking.Blank(text, write, end);
        var excerpt = smuggled.Length > 0
            ? $"{removed} invisible characters; tag characters spell \"{Blanking.Excerpt(smuggled.ToString())}\""
            : $"{removed} invisible characters in \"{Blanking.Excerpt(text[start..write].ToString(), 60)}\"";
        dropped.Add(new DroppedText(Kind, Blanking.LineOf(original, start), excerpt));
    }

    private static bool HasInvisible(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (Width(word, i) > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>0 for a visible character, otherwise how many UTF-16 units the invisible one takes.</summary>
    private static int Width(ReadOnlySpan<char> text, int i)
    {
        var end = text.Length;
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
        {
            // U+E0000-E007F (tags, which spell hidden ASCII) and U+E0100-E01EF (variation selectors 17-256).
            var code = char.ConvertToUtf32(c, text[i + 1]);
            return code is >= 0xE0000 and <= 0xE007F or >= 0xE0100 and <= 0xE01EF ? 2 : 0;
        }
        if (c is '\uFE0E' or '\uFE0F')
        {
            // One presentation selector after a visible character is how emoji are written; a run of them is data.
            var previous = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < end ? text[i + 1] : ' ';
            return IsSelector(previous) || IsSelector(next) ? 1 : 0;
        }
        return IsInvisible(c) ? 1 : 0;
    }

    private static bool IsSelector(char c) => c is >= '\uFE00' and <= '\uFE0F';

    private static bool IsInvisible(char c) => c switch
    {
        '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E' => true,
        >= '\u200B' and <= '\u200F' => true,     // zero-width space, non-joiner, joiner; LRM, RLM
        >= '\u202A' and <= '\u202E' => true,     // bidirectional embeddings and overrides
        >= '\u2060' and <= '\u206F' => true,     // word joiner, invisible operators, isolates
        '\u3164' or '\uFFA0' or '\uFEFF' => true, // Hangul fillers; a byte-order mark inside the text
        >= '\uFE00' and <= '\uFE0D' => true,     // variation selectors 1-14
        _ => false,
    };
}
