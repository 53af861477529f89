using System.Text.RegularExpressions;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Text.Analysis;

namespace Assistant.Core.Answers.Generation;

/// <summary>
/// The offline generator: picks the passage sentences that cover most of the question's information (IDF-weighted
/// terms), within a word budget, and cites each one. Deterministic, and honest about being extractive: every
/// sentence is a quotation (markdown removed, table rows read out as "Header: cell").
/// </summary>
public sealed partial class ExtractiveComposer(EnglishAnalyzer analyzer, Func<string, double> inverseDocumentFrequency)
{
    private const int MaxSentences = 4;
    private const double RelativeFloor = 0.5;
    private const int MaxListItems = 8;
    private const double StepBonus = 0.3;

    public string Compose(string question, IReadOnlyList<Passage> passages, int maxWords)
    {
        var questionTerms = analyzer.Analyze(question).Distinct().ToDictionary(t => t, inverseDocumentFrequency);
        var totalWeight = questionTerms.Values.Sum();
        if (totalWeight <= 0)
        {
            return "";
        }
        var asksHow = HowQuestion().IsMatch(question);

        double Coverage(HashSet<string> terms) => questionTerms.Where(q => terms.Contains(q.Key)).Sum(q => q.Value) / totalWeight;

        var candidates = new List<Candidate>();
        foreach (var passage in passages)
        {
            // Only trusted text is quotable: sentences that speak to the assistant are blanked out of it.
            var trusted = passage.TrustedText;
            var units = EvidenceUnits.Of(trusted);
            for (var order = 0; order < units.Count; order++)
            {
                var text = Readable(trusted, units[order]);
                if (text is null || WordCount(text) < 4)
                {
                    continue;
                }
                // A sentence that introduces a list ("These plans include single sign-on:") says nothing without it:
                // it is quoted with the list, or not at all.
                var (list, last) = text.EndsWith(':') ? ListAfter(trusted, units, order) : ([], order);
                if (text.EndsWith(':') && list.Count == 0)
                {
                    continue;
                }
                // A list is scored by its introduction and its best item: summing every item's words would let any
                // long list outrank the one sentence that answers.
                var terms = analyzer.Analyze(text).ToHashSet(StringComparer.Ordinal);
                var itemTerms = list.Select(item => analyzer.Analyze(item)).ToList();
                var coverage = list.Count == 0 ? Coverage(terms) : itemTerms.Max(item => Coverage([.. terms, .. item]));
                terms.UnionWith(itemTerms.SelectMany(item => item));
                // Earlier passages ranked higher; prefer them a little when coverage ties. "How do I ...?" is answered
                // by a step to take, so a step outranks a fact that merely shares the question's words.
                var score = coverage + 0.05 / passage.Number + (asksHow && IsStep(trusted, units[order]) ? StepBonus : 0);
                candidates.Add(new Candidate(passage.Number, order, last, [text, .. list], terms, score));
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
            var length = candidate.Sentences.Sum(WordCount);
            if (words + length > maxWords && chosen.Count > 0 || chosen.Any(c => Similar(c.Terms, candidate.Terms) || c.Overlaps(candidate)))
            {
                continue;
            }
            chosen.Add(candidate);
            words += length;
        }
        // Most direct first: the sentence that decides the question leads, whatever its place in the article. A list
        // goes one item a line, so each item is a sentence of its own, verified and cited to its own line.
        return string.Join(" ", chosen.Select(c => string.Join("\n",
            c.Sentences.Select(sentence => CitationMarkers.Render([(sentence, (IEnumerable<int>)[c.Passage])])))));
    }

    /// <summary>The list items or table rows right after unit <paramref name="intro"/> of the passage, read as prose.</summary>
    private static (List<string> Items, int Last) ListAfter(string passage, IReadOnlyList<Range> units, int intro)
    {
        var items = new List<string>();
        var last = intro;
        for (var next = intro + 1; next < units.Count && items.Count < MaxListItems; next++)
        {
            var line = LineOf(passage, units[next]).TrimStart();
            if (!(line.StartsWith('|') || ListMarker().IsMatch(line)))
            {
                break;
            }
            if (Readable(passage, units[next]) is { } item)
            {
                items.Add(item);
            }
            last = next;
        }
        return (items, last);
    }

    private static bool IsStep(string passage, Range unit)
    {
        var text = passage[unit].TrimStart();
        return NumberedStep().IsMatch(LineOf(passage, unit).TrimStart()) || Imperative().IsMatch(ListMarker().Replace(text, "").Replace("**", ""));
    }

    private static string LineOf(string passage, Range unit)
    {
        var start = unit.Start.Value == 0 ? 0 : passage.LastIndexOf('\n', unit.Start.Value - 1) + 1;
        var end = passage.IndexOf('\n', unit.Start.Value);
        return passage[start..(end < 0 ? passage.Length : end)];
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
        // A header row (the |---| line follows it) names columns; it says nothing on its own.
        var lineEnd = passage.IndexOf('\n', rowStart);
        var nextLine = lineEnd < 0 ? "" : passage[(lineEnd + 1)..].Split('\n', 2)[0].Trim();
        if (nextLine.StartsWith('|') && nextLine.Trim('|', '-', ':', ' ').Length == 0)
        {
            return null;
        }
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

    [GeneratedRegex(@"^\W*(?:how (?:do|can|should|would) (?:i|we|you)|how to|what (?:are the |is the )?steps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowQuestion();

    [GeneratedRegex(@"^\d+[.)]\s+")]
    private static partial Regex NumberedStep();

    [GeneratedRegex(@"^(?:Go to|Open|Click|Select|Choose|Enter|Sign in|Email|Contact|Submit|Request|Press|Tap)\b")]
    private static partial Regex Imperative();

    /// <summary>A quotable unit: one sentence, or a sentence introducing a list followed by the list's items.</summary>
    private sealed record Candidate(int Passage, int Order, int LastOrder, IReadOnlyList<string> Sentences, HashSet<string> Terms, double Score)
    {
        /// <summary>True when the two quote some of the same units (a list item and the list it belongs to).</summary>
        public bool Overlaps(Candidate other) =>
            other.Passage == Passage && other.Order <= LastOrder && Order <= other.LastOrder;
    }
}
