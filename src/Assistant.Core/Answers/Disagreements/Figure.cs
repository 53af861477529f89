using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Core.Answers.Disagreements;

/// <summary>A quantity a sentence states: its value as written ("30 days"), the number, and the unit it counts.</summary>
public sealed partial record Figure(string Text, decimal Value, string Unit)
{
    [GeneratedRegex(@"(?<money>[$€£])\s?(?<n>\d[\d,]*(?:\.\d+)?)|(?<n>\d[\d,]*(?:\.\d+)?)\s?(?<unit>%|percent\b|(?:business |calendar |working )?(?:days?|weeks?|months?|years?|hours?|minutes?)\b|requests?\b|seats?\b|users?\b|GB\b|MB\b|TB\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static IReadOnlyList<Figure> In(string sentence) =>
        Pattern().Matches(sentence)
            .Select(match => decimal.TryParse(match.Groups["n"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? new Figure(match.Value.Trim(), value, UnitOf(match))
                : null)
            .OfType<Figure>()
            .ToList();

    // "business days" and "days" are different counts; plural and singular are the same unit.
    private static string UnitOf(Match match) =>
        match.Groups["money"].Success ? match.Groups["money"].Value
        : match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "percent" => "%",
            var unit => unit.TrimEnd('s'),
        };
}
