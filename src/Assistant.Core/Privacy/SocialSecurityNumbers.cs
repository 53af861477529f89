using System.Text.RegularExpressions;

namespace Assistant.Core.Privacy;

/// <summary>
/// US Social Security numbers: "123-45-6789" or "123 45 6789", and nine digits written together only when the words
/// before them say it is one ("SSN 123456789"), since a bare nine-digit number is more often an order or a zip code.
/// Numbers the SSA never issues are not SSNs: area 000, 666 or 900-999, group 00, serial 0000.
/// </summary>
internal static partial class SocialSecurityNumbers
{
    public const string Marker = "[SSN removed]";

    // Separators must match ("123-45-6789", not "123-45 6789"), and the number must not continue a token or a longer
    // number ("INV-123-45-6789", "123-45-6789-01", "123-45-6789.5").
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+\-./])(?<area>[0-9]{3})(?<sep>[ \-]?)(?<group>[0-9]{2})\k<sep>(?<serial>[0-9]{4})(?![\p{L}\p{N}_]|[\-./,][0-9])")]
    private static partial Regex Candidates();

    [GeneratedRegex(@"\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?|tax\s+id|itin|tin)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Context();

    private const int ContextWindow = 40;

    public static IEnumerable<SensitiveSpan> Find(string text)
    {
        foreach (Match match in Candidates().Matches(text))
        {
            if (!IsIssuable(match) || (match.Groups["sep"].Length == 0 && !SaidToBeOne(text, match.Index)))
            {
                continue;
            }
            yield return new SensitiveSpan(match.Index, match.Length, SensitiveDataKind.SocialSecurityNumber, Marker);
        }
    }

    private static bool IsIssuable(Match match)
    {
        var area = int.Parse(match.Groups["area"].ValueSpan);
        return area is not (0 or 666 or >= 900) && match.Groups["group"].Value != "00" && match.Groups["serial"].Value != "0000";
    }

    private static bool SaidToBeOne(string text, int index)
    {
        var start = Math.Max(0, index - ContextWindow);
        return Context().IsMatch(text.AsSpan(start, index - start));
    }
}
