using Microsoft.ML.Tokenizers;

namespace Assistant.Core.Tokenization;

/// <summary>
/// Exact OpenAI token counts (o200k_base for the GPT-4o family, cl100k_base for older models) from
/// Microsoft.ML.Tokenizers, whose rank tables ship inside the Microsoft.ML.Tokenizers.Data.* packages. Counts cover
/// ordinary text: a user who types "&lt;|endoftext|&gt;" is billed for its characters, not for a special token,
/// as the provider does.
/// </summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    public const string O200kBaseName = "o200k_base";
    public const string Cl100kBaseName = "cl100k_base";

    // Loading a rank table takes ~100 ms and ~30 MB, so each encoding is built once per process and shared.
    private static readonly Lazy<TiktokenTokenCounter> O200k = new(() => new TiktokenTokenCounter(O200kBaseName));
    private static readonly Lazy<TiktokenTokenCounter> Cl100k = new(() => new TiktokenTokenCounter(Cl100kBaseName));

    /// <summary>Longer text is counted in slices of at most this many characters (see <see cref="CountTokens"/>).</summary>
    public const int LongRun = 2048;

    private readonly TiktokenTokenizer _tokenizer;

    private TiktokenTokenCounter(string encodingName)
    {
        Name = encodingName;
        _tokenizer = TiktokenTokenizer.CreateForEncoding(encodingName);
    }

    public static TiktokenTokenCounter O200kBase => O200k.Value;

    public static TiktokenTokenCounter Cl100kBase => Cl100k.Value;

    /// <summary>The encoding's tiktoken name, e.g. o200k_base.</summary>
    public string Name { get; }

    /// <summary>The counter for a configured encoding name; anything but cl100k_base means o200k_base.</summary>
    public static TiktokenTokenCounter ForEncoding(string? encodingName) =>
        encodingName == Cl100kBaseName ? Cl100kBase : O200kBase;

    /// <summary>
    /// Counts text in slices of at most <see cref="LongRun"/> characters, cut where one word ends and a single space
    /// starts the next, where the encoding's pre-tokenizer splits anyway (a line break can join the punctuation
    /// before it): exact for prose. The library's
    /// merge is quadratic in a piece's length (200,000 'a' or 100,000 spaces take minutes), so a run with no such
    /// place is cut hard; such a run is junk or an attack, and its count may be off by a token per cut.
    /// </summary>
    public int CountTokens(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (text.Length > LongRun)
        {
            var cut = CutBefore(text);
            count += _tokenizer.CountTokens(text[..cut]);
            text = text[cut..];
        }
        return count + _tokenizer.CountTokens(text);
    }

    public IReadOnlyList<int> Encode(string text) => _tokenizer.EncodeToIds(text);

    public string Decode(IEnumerable<int> ids) => _tokenizer.Decode(ids);

    /// <summary>The last word boundary in the first <see cref="LongRun"/> characters, or a hard cut there.</summary>
    private static int CutBefore(ReadOnlySpan<char> text)
    {
        for (var i = LongRun - 1; i > LongRun / 2; i--)
        {
            if (text[i] == ' ' && !char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i + 1]))
            {
                return i;
            }
        }
        return char.IsLowSurrogate(text[LongRun]) ? LongRun - 1 : LongRun;
    }
}
