using System.Text.RegularExpressions;

namespace Assistant.Core.Privacy;

/// <summary>
/// Payment card numbers: 13 to 19 digits, written together or in groups split by single spaces or dashes, that pass
/// the Luhn check and start with a card network's digit (2 to 6: Mastercard, Amex/Diners/JCB, Visa, Maestro,
/// Discover/UnionPay). Invoice numbers, dates, amounts and phone numbers are shorter, or broken up by letters, dots
/// or a leading "+", so they never form such a run.
/// </summary>
internal static partial class CardNumbers
{
    // A run of digit groups that does not continue a token ("INV-2026-…", "v1.4111…", "+86 138…").
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+\-./])[0-9]+(?:[ \-][0-9]+)*")]
    private static partial Regex DigitRuns();

    public static IEnumerable<SensitiveSpan> Find(string text)
    {
        foreach (Match run in DigitRuns().Matches(text))
        {
            if (!EndsAtBoundary(text, run.Index + run.Length))
            {
                continue;
            }
            foreach (var span in FindInRun(run))
            {
                yield return span;
            }
        }
    }

    /// <summary>True when <paramref name="digits"/> (digits only) has a card number's length, network digit and Luhn check.</summary>
    public static bool IsCardNumber(ReadOnlySpan<char> digits) =>
        digits.Length is >= 13 and <= 19 && digits[0] is >= '2' and <= '6' && PassesLuhn(digits);

    public const string MarkerStart = "[card •••• ";

    public static string Marker(string digits) => $"{MarkerStart}{digits[^4..]}]";

    /// <summary>
    /// The longest leftmost groups of the run that form a card, so "2026-12-01 4111 1111 1111 1111" still finds the
    /// card after the date. Split groups must have 3 digits or more, as every card layout does (4-4-4-4, 4-6-5, 4-6-4).
    /// </summary>
    private static IEnumerable<SensitiveSpan> FindInRun(Match run)
    {
        var groups = Groups(run);
        for (var first = 0; first < groups.Count; first++)
        {
            for (var last = groups.Count - 1; last >= first; last--)
            {
                if (last > first && groups.Skip(first).Take(last - first + 1).Any(g => g.Length < 3))
                {
                    continue;
                }
                var digits = string.Concat(groups.Skip(first).Take(last - first + 1).Select(g => g.Value));
                if (IsCardNumber(digits))
                {
                    var start = groups[first].Index;
                    yield return new SensitiveSpan(start, groups[last].Index + groups[last].Length - start, SensitiveDataKind.CardNumber, Marker(digits));
                    first = last;
                    break;
                }
            }
        }
    }

    private static List<(int Index, int Length, string Value)> Groups(Match run)
    {
        var groups = new List<(int Index, int Length, string Value)>();
        var value = run.Value;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] is ' ' or '-')
            {
                groups.Add((run.Index + start, i - start, value[start..i]));
                start = i + 1;
            }
        }
        return groups;
    }

    // "4111111111111111abc" is an identifier, and "1234 5678.90" an amount, not a card.
    private static bool EndsAtBoundary(string text, int end) =>
        end == text.Length
        || !(char.IsLetterOrDigit(text[end]) || text[end] == '_'
             || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])));

    private static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
