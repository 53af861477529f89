namespace Assistant.Core.Text.Analysis;

/// <summary>
/// Keyword terms for Chinese, Japanese and Korean script, which has no spaces between words: every run becomes its
/// overlapping character bigrams ("退款政策" → 退款, 款政, 政策), a single character stays a unigram. Any word of
/// two or more characters inside a run then matches a query for it, the standard approach of Lucene's CJK analyzer
/// (bigrams retrieve as well as a dictionary segmenter for search, with no dictionary to ship).
/// </summary>
internal static class CjkBigrams
{
    public static bool IsCjk(char c) => c switch
    {
        >= '\u3040' and <= '\u30FF' => true, // Hiragana, Katakana
        >= '\u3400' and <= '\u4DBF' => true, // CJK Extension A
        >= '\u4E00' and <= '\u9FFF' => true, // CJK Unified Ideographs
        >= '\uAC00' and <= '\uD7AF' => true, // Hangul syllables
        >= '\uF900' and <= '\uFAFF' => true, // CJK Compatibility Ideographs
        >= '\uFF66' and <= '\uFF9F' => true, // half-width Katakana
        '\u3005' or '\u3006' or '\u3007' => true, // 々 〆 〇
        _ => false,
    };

    /// <summary>Adds the terms of the run that starts at <paramref name="start"/>; returns where the run ends.</summary>
    public static int Add(ReadOnlySpan<char> text, int start, List<string> terms)
    {
        var end = start;
        while (end < text.Length && IsCjk(text[end]))
        {
            end++;
        }
        if (end - start == 1)
        {
            terms.Add(text[start].ToString());
            return end;
        }
        for (var i = start; i + 1 < end; i++)
        {
            terms.Add(text.Slice(i, 2).ToString());
        }
        return end;
    }
}
