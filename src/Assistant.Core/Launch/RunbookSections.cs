using System.Text.RegularExpressions;

namespace Assistant.Core.Launch;

/// <summary>The runbook's Markdown headings, and which alerts have no section: a heading that names the alert.</summary>
public static partial class RunbookSections
{
    /// <summary>ATX headings ("## Title"), outside fenced code blocks: a "# comment" in a shell example is no section.</summary>
    public static IReadOnlyList<string> Headings(string markdown)
    {
        var headings = new List<string>();
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.TrimStart().StartsWith("```", StringComparison.Ordinal) || trimmed.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (!fenced && Heading().Match(trimmed) is { Success: true } match)
            {
                headings.Add(match.Groups["text"].Value.Trim());
            }
        }
        return headings;
    }

    /// <summary>The alerts no heading names as a whole word (backticks allowed: "### `AssistantAnswerErrors`").</summary>
    public static IReadOnlyList<string> Missing(string markdown, IReadOnlyList<string> alerts)
    {
        var words = Headings(markdown).SelectMany(heading => Word().Matches(heading).Select(match => match.Value)).ToHashSet(StringComparer.Ordinal);
        return alerts.Where(alert => !words.Contains(alert)).ToList();
    }

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Word();
}
