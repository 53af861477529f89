using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Core.Tokenization;

/// <summary>
/// The pre-tokenization regexes of OpenAI's tiktoken, which split text into the pieces that BPE encodes one by one.
/// </summary>
/// <remarks>
/// The patterns are tiktoken's own (its Rust core, as shipped in the tiktoken 1.0.22 npm/WASM package). Newer tiktoken
/// releases write cl100k_base with possessive quantifiers (<c>?+</c>, <c>++</c>) purely for speed; with these
/// alternatives, backtracking can never find a different split, so the plain greedy form gives identical pieces.
/// Two translations to .NET:
/// <list type="bullet">
/// <item><c>(?i:'s|…)</c> is spelled out with explicit classes: Rust's Unicode case folding also lets 's' match
/// U+017F (ſ), which .NET's IgnoreCase may not, and explicit classes are also culture-proof.</item>
/// <item>Rust and JavaScript match code points; .NET Regex matches UTF-16 units, so a supplementary character (emoji,
/// 𝐀, CJK extension B) would look like two Cs surrogates instead of one letter or symbol. <see cref="ShadowText"/>
/// handles that.</item>
/// </list>
/// .NET's <c>\s</c> (<c>[\f\n\r\t\v\x85\p{Z}]</c>) is exactly Unicode White_Space, as in Rust; js-tiktoken differs on
/// U+0085 and U+FEFF, which is why we follow tiktoken where the two disagree.
/// </remarks>
internal static partial class TiktokenPatterns
{
    private const string Contractions = "'(?:[sSſ]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])";

    internal const string Cl100kBase =
        Contractions
        + @"|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    internal const string O200kBase =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?:" + Contractions + ")?"
        + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?:" + Contractions + ")?"
        + @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    [GeneratedRegex(Cl100kBase, RegexOptions.CultureInvariant)]
    internal static partial Regex Cl100k();

    [GeneratedRegex(O200kBase, RegexOptions.CultureInvariant)]
    internal static partial Regex O200k();

    /// <summary>
    /// A stand-in for a supplementary code point: a BMP character the patterns treat identically. The patterns only
    /// test general categories and a few ASCII characters, and no supplementary character is whitespace, ASCII, or
    /// one of the contraction letters, so one character of the same category gives the same split.
    /// </summary>
    internal static char ShadowOf(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
    {
        UnicodeCategory.UppercaseLetter => '\u00C0',
        UnicodeCategory.LowercaseLetter => '\u00E0',
        UnicodeCategory.TitlecaseLetter => '\u01C5',
        UnicodeCategory.ModifierLetter => '\u02B0',
        UnicodeCategory.OtherLetter => '\u00AA',
        UnicodeCategory.NonSpacingMark => '\u0300',
        UnicodeCategory.SpacingCombiningMark => '\u0903',
        UnicodeCategory.EnclosingMark => '\u20DD',
        UnicodeCategory.DecimalDigitNumber => '\u0660',
        UnicodeCategory.LetterNumber => '\u2160',
        UnicodeCategory.OtherNumber => '\u00B2',
        UnicodeCategory.SpaceSeparator => '\u3000',
        UnicodeCategory.LineSeparator => '\u2028',
        UnicodeCategory.ParagraphSeparator => '\u2029',
        _ => '\uFFFD',
    };

    /// <summary>
    /// Maps text with surrogates to one char per code point (<paramref name="shadow"/>) and records where each code
    /// point starts in the original (<paramref name="starts"/>, with a final entry at text.Length). Lone surrogates
    /// become U+FFFD, as tiktoken sees them after its UTF-8 conversion. Returns the number of code points.
    /// </summary>
    internal static int ShadowText(ReadOnlySpan<char> text, Span<char> shadow, Span<int> starts)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            starts[count] = i;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                shadow[count] = ShadowOf(char.ConvertToUtf32(c, text[i + 1]));
                i += 2;
            }
            else
            {
                shadow[count] = char.IsSurrogate(c) ? '\uFFFD' : c;
                i++;
            }
            count++;
        }
        starts[count] = text.Length;
        return count;
    }
}
