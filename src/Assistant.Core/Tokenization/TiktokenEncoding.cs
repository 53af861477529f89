using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Core.Tokenization;

/// <summary>
/// Exact OpenAI tokenization (tiktoken's o200k_base and cl100k_base), for counting tokens as the API bills them.
/// Text is split by the encoding's regex, each piece's UTF-8 bytes are byte-pair merged by rank. Thread-safe.
/// </summary>
public sealed class TiktokenEncoding : ITokenCounter
{
    // Pieces repeat heavily in real text; only multi-token pieces reach the cache (single tokens are one lookup anyway).
    private const int MaxCachedPieceLength = 64;
    private const int MaxCacheEntries = 16_384;
    private const int StackBytes = 512;

    private static readonly Lazy<TiktokenEncoding> LazyO200kBase = new(
        () => Load("o200k_base", TiktokenPatterns.O200k(), new() { ["<|endoftext|>"] = 199999, ["<|endofprompt|>"] = 200018 }),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<TiktokenEncoding> LazyCl100kBase = new(
        () => Load("cl100k_base", TiktokenPatterns.Cl100k(), new()
        {
            ["<|endoftext|>"] = 100257,
            ["<|fim_prefix|>"] = 100258,
            ["<|fim_middle|>"] = 100259,
            ["<|fim_suffix|>"] = 100260,
            ["<|endofprompt|>"] = 100276,
        }),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly RankTable _ranks;
    private readonly Regex _pattern;
    private readonly Dictionary<int, byte[]> _specialTokens;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;
    private int _cacheCount;

    private TiktokenEncoding(string name, RankTable ranks, Regex pattern, Dictionary<string, int> specialTokens)
    {
        Name = name;
        _ranks = ranks;
        _pattern = pattern;
        _specialTokens = [];
        foreach (var (text, id) in specialTokens)
        {
            _specialTokens[id] = Encoding.UTF8.GetBytes(text);
        }
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The encoding of GPT-4o, GPT-4.1, GPT-5 and the o-series models.</summary>
    public static TiktokenEncoding O200kBase => LazyO200kBase.Value;

    /// <summary>The encoding of GPT-4, GPT-3.5-turbo and the text-embedding-3 models.</summary>
    public static TiktokenEncoding Cl100kBase => LazyCl100kBase.Value;

    /// <summary>The encoding's tiktoken name, e.g. "o200k_base".</summary>
    public string Name { get; }

    /// <summary>Number of ordinary (mergeable) tokens; special tokens are not counted.</summary>
    internal int RankCount => _ranks.Count;

    internal RankTable Ranks => _ranks;

    /// <summary>
    /// Token ids of <paramref name="text"/>. Special-token text such as "&lt;|endoftext|&gt;" is encoded as ordinary text,
    /// as tiktoken's <c>encode_ordinary</c> does.
    /// </summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 4 + 4);
        EncodeCore(text, ids);
        return ids;
    }

    /// <summary>The number of tokens <see cref="Encode"/> would return, without building the list.</summary>
    public int CountTokens(ReadOnlySpan<char> text) => EncodeCore(text, null);

    /// <summary>
    /// Text of the given token ids (special token ids included). Byte sequences that are not valid UTF-8, as when a
    /// multi-byte character is cut between token lists, become U+FFFD as in tiktoken's <c>decode</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not a token of this encoding.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new ArrayBufferWriter<byte>();
        foreach (var id in ids)
        {
            if (!_ranks.TryGetBytes(id, out var token) && !_specialTokens.TryGetValue(id, out token))
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Not a {Name} token id.");
            }
            bytes.Write(token);
        }
        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    private int EncodeCore(ReadOnlySpan<char> text, List<int>? output)
    {
        var count = 0;
        if (text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            foreach (var match in _pattern.EnumerateMatches(text))
            {
                count += EncodePiece(text.Slice(match.Index, match.Length), output);
            }
            return count;
        }

        // Supplementary characters: match on a one-char-per-code-point copy, then encode the original code points.
        var shadow = ArrayPool<char>.Shared.Rent(text.Length);
        var starts = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            var length = TiktokenPatterns.ShadowText(text, shadow, starts);
            foreach (var match in _pattern.EnumerateMatches(shadow.AsSpan(0, length)))
            {
                var start = starts[match.Index];
                count += EncodePiece(text[start..starts[match.Index + match.Length]], output);
            }
            return count;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(shadow);
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    private int EncodePiece(ReadOnlySpan<char> piece, List<int>? output)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(piece.Length);
        byte[]? rentedBytes = null;
        var buffer = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rentedBytes = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            // Lone surrogates (only possible at piece level when the text had them) become EF BF BD, as in tiktoken.
            var bytes = buffer[..Encoding.UTF8.GetBytes(piece, buffer)];
            if (_ranks.TryGetRank(bytes, out var rank))
            {
                output?.Add(rank);
                return 1;
            }

            var cacheable = piece.Length <= MaxCachedPieceLength;
            if (cacheable && _cacheLookup.TryGetValue(piece, out var cached))
            {
                output?.AddRange(cached);
                return cached.Length;
            }

            int[]? rentedIds = null;
            var ids = bytes.Length <= StackBytes / 2 ? stackalloc int[StackBytes / 2] : (rentedIds = ArrayPool<int>.Shared.Rent(bytes.Length));
            try
            {
                var count = BytePairEncoder.Encode(bytes, _ranks, ids);
                var result = ids[..count];
                if (output is not null)
                {
                    output.AddRange(result);
                }
                if (cacheable)
                {
                    AddToCache(piece, result);
                }
                return count;
            }
            finally
            {
                if (rentedIds is not null)
                {
                    ArrayPool<int>.Shared.Return(rentedIds);
                }
            }
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }

    private void AddToCache(ReadOnlySpan<char> piece, ReadOnlySpan<int> ids)
    {
        // Bounded by dropping everything when full: cheap, and the working set refills within a few paragraphs.
        if (Interlocked.Increment(ref _cacheCount) > MaxCacheEntries)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _cacheCount, 0);
        }
        _cacheLookup.TryAdd(piece, ids.ToArray());
    }

    private static TiktokenEncoding Load(string name, Regex pattern, Dictionary<string, int> specialTokens)
    {
        var resource = name + ".tiktoken.gz";
        using var stream = typeof(TiktokenEncoding).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        return new TiktokenEncoding(name, RankTable.Load(stream), pattern, specialTokens);
    }
}
