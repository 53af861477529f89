using System.Security.Cryptography;
using System.Text;

namespace Assistant.Core.Knowledge.Ingestion;

internal static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content, string? extra = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(content);
        if (extra is not null)
        {
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(extra));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
