using Assistant.Core.Text;
using Assistant.Core.Tokenization;

namespace Assistant.Core.Knowledge.Chunking;

/// <summary>
/// Cuts a run of text that is too long for one passage into pieces of at most a given number of tokens, each an
/// exact slice of the source. Each cut is made at the best boundary near the end of what fits: a line break, then
/// the end of a sentence, then a clause (comma, semicolon, colon), then whitespace; text with none of these (a
/// 200 KB line of one "word") is cut hard, never between the two halves of a surrogate pair.
/// </summary>
public static class PassageSplitter
{
    private enum Boundary
    {
        Line,
        Sentence,
        Clause,
        Space,
    }

    // Code and table rows mean something only whole, so they are cut at line breaks before anything else; prose
    // that reaches this splitter has already been cut at sentences, so lines come first there too.
    private static readonly Boundary[] Preference = [Boundary.Line, Boundary.Sentence, Boundary.Clause, Boundary.Space];

    public static IReadOnlyList<Range> Split(string text, int start, int end, int maxTokens, ITokenCounter tokens)
    {
        var pieces = new List<Range>();
        var position = WhiteSpace.SkipForward(text, start, end);
        while (position < end)
        {
            var stop = WhiteSpace.TrimEnd(text, position, end);
            if (stop <= position)
            {
                break;
            }
            if (Count(tokens, text, position, stop) <= maxTokens)
            {
                pieces.Add(new Range(position, stop));
                break;
            }
            var limit = LongestFit(text, position, stop, maxTokens, tokens);
            var cut = BestCut(text, position, limit, end);
            var pieceEnd = WhiteSpace.TrimEnd(text, position, cut);
            pieces.Add(new Range(position, pieceEnd > position ? pieceEnd : cut));
            position = WhiteSpace.SkipForward(text, cut, end);
        }
        return pieces;
    }

    // The largest end such that [start, end) fits, found by bisection (token counts grow with length). At least one
    // whole character, so the loop always advances.
    private static int LongestFit(string text, int start, int end, int maxTokens, ITokenCounter tokens)
    {
        var (low, high) = (start + 1, end - 1);
        var best = start + 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (Count(tokens, text, start, middle) <= maxTokens)
            {
                best = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        if (best < end && char.IsHighSurrogate(text[best - 1]) && char.IsLowSurrogate(text[best]))
        {
            best = best - 1 > start ? best - 1 : best + 1;
        }
        return best;
    }

    // Prefer a boundary in the back half of what fits, so pieces stay near the size limit; failing that, any
    // boundary at all; failing that, a hard cut at the limit.
    private static int BestCut(string text, int start, int limit, int end)
    {
        var half = start + (limit - start) / 2;
        foreach (var floor in (int[])[half, start + 1])
        {
            foreach (var boundary in Preference)
            {
                for (var cut = limit; cut >= floor; cut--)
                {
                    if (IsBoundary(text, cut, end, boundary))
                    {
                        return cut;
                    }
                }
            }
        }
        return limit;
    }

    // Whether a piece may end just before position `cut`.
    private static bool IsBoundary(string text, int cut, int end, Boundary boundary)
    {
        var before = text[cut - 1];
        var after = cut < end ? text[cut] : '\n';
        return boundary switch
        {
            Boundary.Line => after == '\n',
            Boundary.Sentence => before is '.' or '!' or '?' && char.IsWhiteSpace(after) || before is '。' or '！' or '？',
            Boundary.Clause => before is ',' or ';' or ':' or ')' && char.IsWhiteSpace(after) || before is '，' or '、' or '；' or '：',
            _ => char.IsWhiteSpace(after),
        };
    }

    private static int Count(ITokenCounter tokens, string text, int start, int end) => tokens.CountTokens(text.AsSpan(start, end - start));
}
