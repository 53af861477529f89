using System.Text;
using Assistant.Core.Knowledge.Sources;

namespace Assistant.Core.Knowledge.Parsing;

/// <summary>Turns a source's bytes into text, rejecting what is not a text article.</summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(SourceItem item)
    {
        var bytes = item.Content.Span;
        if (bytes.IsEmpty)
        {
            throw new SourceRejectedException("file is empty");
        }
        // A NUL byte never appears in UTF-8 text; it is the cheapest reliable sign of a binary file.
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new SourceRejectedException("file looks binary (contains NUL bytes)");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new SourceRejectedException($"file is not valid UTF-8 (invalid byte at offset {exception.Index}); save it as UTF-8");
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SourceRejectedException("file has no text (only whitespace)");
        }
        return text;
    }
}
