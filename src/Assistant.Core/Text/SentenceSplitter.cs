namespace Assistant.Core.Text;

/// <summary>
/// Splits prose into sentences by terminal punctuation followed by a capital, digit or quote, skipping common
/// abbreviations and initials. Returns ranges into the original text so callers keep exact offsets.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "fig", "figs", "no", "approx", "inc", "ltd",
        "co", "corp", "st", "jr", "sr", "al", "cf", "resp", "ca", "vol", "pp", "ref", "refs",
    };

    public static IReadOnlyList<Range> Split(string text, int start, int end)
    {
        var sentences = new List<Range>();
        var sentenceStart = WhiteSpace.SkipForward(text, start, end);
        for (var i = sentenceStart; i < end; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }
            var close = i + 1;
            while (close < end && text[close] is '"' or '\'' or ')' or ']' or '\u201D')
            {
                close++;
            }
            if (close >= end || !char.IsWhiteSpace(text[close]))
            {
                continue;
            }
            var next = WhiteSpace.SkipForward(text, close, end);
            if (next >= end || !StartsSentence(text[next]) || text[i] == '.' && EndsWithAbbreviation(text, sentenceStart, i))
            {
                continue;
            }
            sentences.Add(new Range(sentenceStart, close));
            sentenceStart = next;
            i = next - 1;
        }
        var last = WhiteSpace.TrimEnd(text, sentenceStart, end);
        if (last > sentenceStart)
        {
            sentences.Add(new Range(sentenceStart, last));
        }
        return sentences;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '(' or '[' or '\u201C' or '*' or '`';

    private static bool EndsWithAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = text.AsSpan(wordStart, period - wordStart);
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
