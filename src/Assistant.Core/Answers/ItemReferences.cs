using System.Text.RegularExpressions;

namespace Assistant.Core.Answers;

/// <summary>
/// Reads "the second one", "that plan" or "the last one" against the items the previous answer listed (table rows
/// read out as "Plan: Team; ...", or the items after a sentence ending with a colon). A reference that points at
/// exactly one item is replaced by it; one that points at none, or at several, becomes a question back.
/// </summary>
public static partial class ItemReferences
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

    [GeneratedRegex(@"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|last|1st|2nd|3rd|4th|5th)\s+(?:one|plan|option|item|choice|entry)\b|\b(?:that|this)\s+(?:one|plan|option)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    // "Plan: Team; Monthly price: $18 per seat." → header "Plan", value "Team".
    [GeneratedRegex(@"^([A-Z][\w ]{0,30}): ([^;:]{1,60});")]
    private static partial Regex TableRow();

    /// <summary>The question with the reference resolved, or a question back; both null when it refers to nothing listed.</summary>
    public static (string? Question, string? Clarification) Resolve(string question, Answer? previous)
    {
        var reference = Reference().Match(question);
        if (!reference.Success)
        {
            return (null, null);
        }
        var items = previous is null ? [] : ItemsOf(previous);
        if (items.Count == 0)
        {
            return (null, $"Which one do you mean by \"{reference.Value}\"? Name it and I will look it up.");
        }
        var position = reference.Groups[1].Success ? Position(reference.Groups[1].Value, items.Count) : items.Count == 1 ? 0 : -1;
        if (position < 0 || position >= items.Count)
        {
            return (null, $"Which one do you mean: {Join(items)}?");
        }
        return (question[..reference.Index] + $"the {items[position]}" + question[(reference.Index + reference.Length)..], null);
    }

    /// <summary>What the answer listed, in its order: "Team plan" for a table row "Plan: Team; ...", or a list item's text.</summary>
    public static IReadOnlyList<string> ItemsOf(Answer answer)
    {
        var items = new List<string>();
        for (var i = 0; i < answer.Sentences.Count; i++)
        {
            var text = answer.Sentences[i].Text;
            if (TableRow().Match(text) is { Success: true } row)
            {
                var header = row.Groups[1].Value.Trim();
                var value = row.Groups[2].Value.Trim();
                items.Add(header.Contains(' ') ? value : $"{value} {header.ToLowerInvariant()}");
            }
            else if (i > 0 && answer.Sentences[i - 1].Text.EndsWith(':'))
            {
                // The items after an introduction run to the next sentence that is not short like an item.
                for (var j = i; j < answer.Sentences.Count && answer.Sentences[j].Text.Split(' ').Length <= 8; j++)
                {
                    items.Add(answer.Sentences[j].Text.TrimEnd('.', ';'));
                }
                break;
            }
        }
        return items.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static int Position(string ordinal, int count)
    {
        var word = ordinal.ToLowerInvariant();
        if (word == "last")
        {
            return count - 1;
        }
        var index = Array.IndexOf(Ordinals, word);
        return index >= 0 ? index : int.Parse(word[..^2], System.Globalization.CultureInfo.InvariantCulture) - 1;
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
}
