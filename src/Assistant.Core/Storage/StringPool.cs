using System.Text;

namespace Assistant.Core.Storage;

/// <summary>
/// Hands out one shared string per distinct UTF-8 value. Loading an index meets each term thousands of times;
/// decoding into a stack buffer and looking it up allocates only the first time.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var buffer = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, buffer);
        var chars = buffer[..length];
        if (_lookup.TryGetValue(chars, out var existing))
        {
            return existing;
        }
        var created = chars.ToString();
        _strings.Add(created);
        return created;
    }
}
