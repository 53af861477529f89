using System.Text;

namespace Assistant.Core.Knowledge.Parsing;

/// <summary>
/// The byte-order marks a text file may start with, and the strict decoder each one announces. UTF-32 is checked
/// before UTF-16 because the UTF-32 LE mark begins with the UTF-16 LE one.
/// </summary>
internal sealed record ByteOrderMark(string Name, byte[] Bytes, Encoding Encoding)
{
    private static readonly ByteOrderMark[] Known =
    [
        new("UTF-8", [0xEF, 0xBB, 0xBF], new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)),
        new("UTF-32", [0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)),
        new("UTF-32", [0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)),
        new("UTF-16", [0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
        new("UTF-16", [0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
    ];

    public int Length => Bytes.Length;

    public static ByteOrderMark? Detect(ReadOnlySpan<byte> content)
    {
        foreach (var mark in Known)
        {
            if (content.StartsWith(mark.Bytes))
            {
                return mark;
            }
        }
        return null;
    }
}
