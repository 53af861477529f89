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
        // Editors on Windows save "Unicode" as UTF-16 with a byte-order mark; its NUL bytes are not a sign of binary.
        if (ByteOrderMark.Detect(bytes) is { } marked)
        {
            return Checked(DecodeMarked(bytes[marked.Length..], marked.Encoding, marked.Name));
        }
        // A NUL byte never appears in UTF-8 text; it is the cheapest reliable sign of a binary file.
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new SourceRejectedException("file looks binary (contains NUL bytes)");
        }
        try
        {
            return Checked(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException exception)
        {
            throw new SourceRejectedException($"file is not valid UTF-8 (invalid byte at offset {exception.Index}); save it as UTF-8");
        }
    }

    private static string DecodeMarked(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new SourceRejectedException($"file starts with a {name} byte-order mark but is not valid {name} (invalid bytes at offset {exception.Index}); save it as UTF-8");
        }
    }

    private static string Checked(string text)
    {
        if (text.Contains('\0'))
        {
            throw new SourceRejectedException("file looks binary (contains NUL characters)");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SourceRejectedException("file has no text (only whitespace)");
        }
        return text;
    }
}
