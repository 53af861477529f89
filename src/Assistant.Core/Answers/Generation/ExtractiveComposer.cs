using System.Text.RegularExpressions;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Retrieval.Analysis;

namespace Assistant.Core.Answers.Generation;

/// <summary>
/// The offline generator: picks the passage sentences that cover most of the question's information (IDF-weighted
/// terms), within a word budget, and cites each one. Deterministic, and honest about being extractive: every
/// sentence is a quotation (markdown removed, table rows read out as "Header: cell").
/// </summary>
public sealed partial class ExtractiveComposer(Func<string, double> inverseDocumentFrequency)
{
    private const int MaxSentences = 4;
    private const double RelativeFloor = 0.5;

    public string Compose(string question, IReadOnlyList<Passage> passages, int maxWords)
    {
        var questionTerms = EnglishAnalyzer.Shared.Analyze(question).Distinct().ToDictionary(t => t, inverseDocumentFrequency);
        var totalWeight = questionTerms.Values.Sum();
        if (totalWeight <= 0)
        {
            return "";
        }

        var candidates = new List<Candidate>();
        foreach (var passage in passages)
        {
            var order = 0;
            // Only trusted text is quotable: sentences that speak to the assistant are blanked out of it.
            var trusted = passage.TrustedText;
            foreach (var unit in EvidenceUnits.Of(trusted))
            {
                var text = Readable(trusted, unit);
                if (text is null || WordCount(text) < 4)
                {
                    continue;
                }
                var terms = EnglishAnalyzer.Shared.Analyze(text).ToHashSet(StringComparer.Ordinal);
                var coverage = questionTerms.Where(q => terms.Contains(q.Key)).Sum(q => q.Value) / totalWeight;
                // Earlier passages ranked higher; prefer them a little when coverage ties.
                var score = coverage + 0.05 / passage.Number;
                candidates.Add(new Candidate(passage.Number, order++, text, terms, score));
            }
        }
        if (candidates.Count == 0)
        {
            return "";
        }

        var best = candidates.Max(c => c.Score);
        var chosen = new List<Candidate>();
        var words = 0;
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Passage).ThenBy(c => c.Order))
        {
            if (chosen.Count == MaxSentences || candidate.Score < best * RelativeFloor)
            {
                break;
            }
            var length = WordCount(candidate.Text);
            if (words + length > maxWords && chosen.Count > 0 || chosen.Any(c => Similar(c.Terms, candidate.Terms)))
            {
                continue;
            }
            chosen.Add(candidate);
            words += length;
        }
        return CitationMarkers.Render(chosen
            .OrderBy(c => c.Passage).ThenBy(c => c.Order)
            .Select(c => (c.Text, (IEnumerable<int>)[c.Passage])));
    }

    /// <summary>A unit of a passage as prose, or null when it is a heading (a heading is a topic, not an answer).</summary>
    private static string? Readable(string passage, Range unit)
    {
        var line = passage[unit].Trim();
        if (line.StartsWith('#'))
        {
            return null;
        }
        if (line.StartsWith('|'))
        {
            return TableRow(passage, unit.Start.Value, line);
        }
        line = ListMarker().Replace(line, "");
        line = Link().Replace(line, "$1");
        line = line.Replace("**", "").Replace("`", "").Trim();
        return EndsSentence(line) ? line : line + ".";
    }

    // A row reads as "Plan: Team; Price: $18 per seat" when the table's header row is in the passage.
    private static string? TableRow(string passage, int rowStart, string row)
    {
        var cells = Cells(row);
        var header = HeaderOf(passage, rowStart);
        if (header is null || header.SequenceEqual(cells))
        {
            return header is null ? string.Join("; ", cells) + "." : null;
        }
        var pairs = cells.Zip(header, (cell, name) => cell.Length == 0 ? null : name.Length == 0 ? cell : $"{name}: {cell}").Where(p => p is not null);
        return string.Join("; ", pairs) + ".";
    }

    private static string[]? HeaderOf(string passage, int rowStart)
    {
        var lines = passage[..rowStart].Split('\n');
        // Walk up through the table's rows to its first line; the line after a header is its |---| separator.
        var i = lines.Length - 2;
        while (i >= 0 && lines[i].TrimStart().StartsWith('|'))
        {
            i--;
        }
        var first = i + 1;
        return first < lines.Length - 1 && lines[first].TrimStart().StartsWith('|') ? Cells(lines[first]) : null;
    }

    private static string[] Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(cell => cell.Replace("**", "").Replace("`", "").Trim()).ToArray();

    private static bool Similar(HashSet<string> a, HashSet<string> b) =>
        a.Count > 0 && b.Count > 0 && (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count) > 0.8;

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ':';

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    private sealed record Candidate(int Passage, int Order, string Text, HashSet<string> Terms, double Score);
}
