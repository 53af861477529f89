using System.Globalization;
using System.Text;

namespace Assistant.Core.Embeddings.Local;

/// <summary>
/// BERT's basic tokenization for an uncased model, as the model was trained with it (Hugging Face's BasicTokenizer):
/// line breaks and tabs are spaces, accents are stripped, text is lower-cased, and every punctuation mark, ASCII symbol
/// and CJK ideograph stands alone. Microsoft.ML.Tokenizers 2.0.1's own basic step deletes line breaks (joining the
/// words around them) and symbols such as "=" and "+", so word pieces are cut from this text instead.
/// </summary>
internal static class BertBasicTokenization
{
    // The base letter of each character from U+00C0 to U+024F (Latin-1 Supplement and Latin Extended-A/B), from
    // Unicode's canonical decompositions. The build runs with InvariantGlobalization, where string.Normalize leaves
    // non-ASCII text as it is, so accents are stripped through this table (Latin scripts only).
    private const char FirstLatin = '\u00C0';
    private const string LatinBaseLetters =
        "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþyAaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGgGgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿŀŁłNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟOoƢƣƤƥƦƧƨƩƪƫƬƭƮUuƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿǀǁǂǃǄǅǆǇǈǉǊǋǌAaIiOoUuUuUuUuUuǝAaAaǢǣǤǥGgKkOoOoǮǯjǱǲǳGgǶǷNnAaǼǽǾǿAaAaEeEeIiIiOoOoRrRrUuUuSsTtȜȝHhȠȡȢȣȤȥAaEeOoOoOoOoYyȴȵȶȷȸȹȺȻȼȽȾȿɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏ";

    public static string Apply(string text)
    {
        var output = new StringBuilder(text.Length + text.Length / 8);
        foreach (var original in text)
        {
            var c = original is >= FirstLatin && original - FirstLatin < LatinBaseLetters.Length ? LatinBaseLetters[original - FirstLatin] : original;
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c))
            {
                output.Append(' ');
            }
            else if (c is '\0' or '\uFFFD' || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }
            else if (IsPunctuation(c, category) || IsCjkIdeograph(c))
            {
                output.Append(' ').Append(c).Append(' ');
            }
            else
            {
                output.Append(char.ToLowerInvariant(c));
            }
        }
        return output.ToString();
    }

    // BERT counts every non-alphanumeric ASCII character as punctuation, "$" and "=" included.
    private static bool IsPunctuation(char c, UnicodeCategory category) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~'
        || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    private static bool IsCjkIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
