using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Assistant.Core.Tokenization;

/// <summary>
/// A tiktoken rank table: token bytes to rank (the rank is also the token id) and back. Ranks are dense, 0..Count-1,
/// so the reverse map is a plain array.
/// </summary>
internal sealed class RankTable
{
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly byte[][] _tokens;

    private RankTable(Dictionary<byte[], int> ranks, byte[][] tokens)
    {
        _lookup = ranks.GetAlternateLookup<ReadOnlySpan<byte>>();
        _tokens = tokens;
    }

    public int Count => _tokens.Length;

    public bool TryGetRank(ReadOnlySpan<byte> bytes, out int rank) => _lookup.TryGetValue(bytes, out rank);

    /// <summary>The rank of <paramref name="bytes"/>, or <see cref="int.MaxValue"/> when they are not a token.</summary>
    public int RankOrMax(ReadOnlySpan<byte> bytes) => _lookup.TryGetValue(bytes, out var rank) ? rank : int.MaxValue;

    public bool TryGetBytes(int rank, out byte[] bytes)
    {
        if ((uint)rank < (uint)_tokens.Length)
        {
            bytes = _tokens[rank];
            return true;
        }
        bytes = [];
        return false;
    }

    /// <summary>Reads the standard gzipped <c>.tiktoken</c> format: one "base64(token bytes) rank" line per token.</summary>
    public static RankTable Load(Stream gzipped)
    {
        var ranks = new Dictionary<byte[], int>(ByteSequenceComparer.Instance);
        var tokens = new List<byte[]>();
        using var reader = new StreamReader(new GZipStream(gzipped, CompressionMode.Decompress));
        Span<byte> buffer = stackalloc byte[1024];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var space = line.IndexOf(' ');
            if (space <= 0
                || !Convert.TryFromBase64Chars(line.AsSpan(0, space), buffer, out var written)
                || !int.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var rank))
            {
                throw new InvalidDataException($"Malformed tiktoken line {tokens.Count + 1}.");
            }
            // The shipped files are sorted and dense; anything else means a corrupt or foreign file.
            if (rank != tokens.Count)
            {
                throw new InvalidDataException($"Expected rank {tokens.Count} but found {rank}.");
            }
            var bytes = buffer[..written].ToArray();
            if (!ranks.TryAdd(bytes, rank))
            {
                throw new InvalidDataException($"Duplicate token at rank {rank}.");
            }
            tokens.Add(bytes);
        }
        return new RankTable(ranks, [.. tokens]);
    }

    /// <summary>Compares byte arrays by content; the span alternate lets lookups run without allocating a key.</summary>
    private sealed class ByteSequenceComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteSequenceComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        // Tokens are short (mostly under 8 bytes), so a word-at-a-time multiply-xorshift beats HashCode.AddBytes here.
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
            while (bytes.Length >= 8)
            {
                h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
                h ^= h >> 29;
                bytes = bytes[8..];
            }
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }
            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 32;
            return (int)h;
        }
    }
}
