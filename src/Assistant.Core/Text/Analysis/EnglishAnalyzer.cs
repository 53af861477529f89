using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Assistant.Core.Text.Analysis;

/// <summary>
/// Turns text into keyword terms: split on anything that is not a letter or digit, lower-case, drop stop words,
/// Snowball-stem. Chinese and Japanese are written without spaces, so a run of such characters becomes overlapping
/// character bigrams instead (see <see cref="CjkBigrams"/>). Indexing and querying must use the same analyzer, so
/// <see cref="Version"/> is stored with the index, and the application registers one instance that ingestion,
/// queries, the hashing embedding and answer checks all receive (see <c>AddAssistantRetrieval</c>).
/// </summary>
public sealed class EnglishAnalyzer
{
    public const string Version = "english-snowball-cjk-bigram-v2";

    // Stems repeat heavily (Zipf); caching them makes analysis several times faster. The cap bounds memory when
    // queries bring in unbounded vocabulary.
    private const int StemCacheLimit = 500_000;
    private const int MaxTokenLength = 64;

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    private readonly ConcurrentDictionary<string, FrozenSet<string>> _wordLists = new(StringComparer.Ordinal);

    public EnglishAnalyzer() => _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The terms of a fixed word list (callers pass a constant), analysed once and kept for lookups.</summary>
    public FrozenSet<string> TermsOf(string wordList) =>
        _wordLists.GetOrAdd(wordList, list => Analyze(list).ToFrozenSet(StringComparer.Ordinal));

    public List<string> Analyze(ReadOnlySpan<char> text)
    {
        var terms = new List<string>();
        Analyze(text, terms);
        return terms;
    }

    public void Analyze(ReadOnlySpan<char> text, List<string> terms)
    {
        Span<char> token = stackalloc char[MaxTokenLength];
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            if (i < text.Length && CjkBigrams.IsCjk(text[i]))
            {
                i = CjkBigrams.Add(text, i, terms);
                continue;
            }
            var length = 0;
            while (i < text.Length && char.IsLetterOrDigit(text[i]) && !CjkBigrams.IsCjk(text[i]))
            {
                if (length < MaxTokenLength)
                {
                    token[length] = char.ToLowerInvariant(text[i]);
                }
                length++;
                i++;
            }
            // Over-long runs are base64, hashes or URLs squashed together: not words anyone searches for.
            if (length == 0 || length > MaxTokenLength)
            {
                continue;
            }
            var word = token[..length];
            if (!StopWords.Contains(word))
            {
                terms.Add(Stem(word));
            }
        }
    }

    public Dictionary<string, int> CountTerms(ReadOnlySpan<char> text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in Analyze(text))
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return counts;
    }

    private string Stem(ReadOnlySpan<char> word)
    {
        if (_stemLookup.TryGetValue(word, out var cached))
        {
            return cached;
        }
        var text = word.ToString();
        var stem = EnglishStemmer.Stem(text);
        if (_stems.Count < StemCacheLimit)
        {
            _stems.TryAdd(text, stem);
        }
        return stem;
    }
}
