using System.Text.RegularExpressions;

namespace Assistant.Core.Answers.Verification;

/// <summary>
/// Hard checks a cited sentence must pass whatever its word overlap: its numbers and amounts appear in the passage,
/// it is negated exactly when its supporting quote is, and the names it mentions appear in the passage. Overlap
/// alone would pass "refunds within 45 days" against "refunds within 14 days".
/// </summary>
public static partial class ClaimChecks
{
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "none", "cannot", "without", "nobody", "nothing", "neither", "nor",
    };

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*\d+[.)]\s")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’]*")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Check(string sentence, string passage, string quote)
    {
        var problems = new List<string>();
        var passageNumbers = Numbers(passage);
        foreach (var number in Numbers(ListMarker().Replace(sentence, "")))
        {
            if (!passageNumbers.Contains(number))
            {
                problems.Add($"the number {number} does not appear in the passage");
            }
        }
        if (IsNegated(sentence) != IsNegated(quote))
        {
            problems.Add(IsNegated(sentence) ? "the sentence is negated but its quote is not" : "the quote is negated but the sentence is not");
        }
        foreach (var name in Names(sentence))
        {
            if (passage.IndexOf(name, StringComparison.OrdinalIgnoreCase) < 0)
            {
                problems.Add($"'{name}' does not appear in the passage");
            }
        }
        return problems;
    }

    private static HashSet<string> Numbers(string text) =>
        Number().Matches(text).Select(match => match.Value.Replace(",", "").TrimEnd('.')).ToHashSet(StringComparer.Ordinal);

    private static bool IsNegated(string text) =>
        Word().Matches(text).Any(word => Negations.Contains(word.Value) || word.Value.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.Value.EndsWith("n’t", StringComparison.OrdinalIgnoreCase));

    // Capitalised words after the first one name things (products, plans, places) the passage must also name.
    private static IEnumerable<string> Names(string sentence) =>
        Word().Matches(sentence)
            .Skip(1)
            .Select(match => match.Value)
            .Where(word => word.Length > 1 && char.IsUpper(word[0]) && word != "I")
            .Distinct(StringComparer.Ordinal);
}
