using System.Text.RegularExpressions;
using Assistant.Core.Text;

namespace Assistant.Core.Answers.Verification;

/// <summary>
/// Splits generated text into sentences and pulls out their [n] markers ("[1]", "[1][2]", "[1, 3]"). A marker placed
/// after the full stop ("... 14 days. [1]") belongs to the sentence before it, as writers (and models) intend.
/// </summary>
public static partial class CitationMarkers
{
    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*(?:\[\d+(?:\s*,\s*\d+)*\]\s*)+")]
    private static partial Regex LeadingMarkers();

    public static IReadOnlyList<DraftSentence> Parse(string text)
    {
        var sentences = new List<(string Text, List<int> Markers)>();
        foreach (var range in SplitLines(text))
        {
            var raw = text[range];
            var leading = LeadingMarkers().Match(raw);
            if (leading.Success && sentences.Count > 0)
            {
                sentences[^1].Markers.AddRange(Numbers(leading.Value));
                raw = raw[leading.Length..];
            }
            var markers = Numbers(raw);
            var clean = Tidy(Marker().Replace(raw, ""));
            if (clean.Length > 0)
            {
                sentences.Add((clean, markers));
            }
            else if (sentences.Count > 0)
            {
                sentences[^1].Markers.AddRange(markers);
            }
        }
        return sentences.Select(s => new DraftSentence(s.Text, s.Markers.Distinct().ToList())).ToList();
    }

    /// <summary>Writes sentences back with their markers, the form shown to users and stored.</summary>
    public static string Render(IEnumerable<(string Text, IEnumerable<int> Passages)> sentences) =>
        string.Join(" ", sentences.Select(s => s.Text + string.Concat(s.Passages.Select(p => $" [{p}]"))));

    private static List<int> Numbers(string text) =>
        Marker().Matches(text)
            .SelectMany(match => match.Groups[1].Value.Split(','))
            .Select(number => int.Parse(number.Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    // A space left where a marker was taken out before the full stop ("14 days [1].") is closed up.
    private static string Tidy(string sentence)
    {
        var collapsed = string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Replace(" .", ".").Replace(" ,", ",").Replace(" ;", ";").Replace(" :", ":").Trim();
    }

    // Models often answer in lists; each line is split into sentences on its own.
    private static IEnumerable<Range> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            foreach (var sentence in SentenceSplitter.Split(text, start, end))
            {
                yield return sentence;
            }
            start = end + 1;
        }
    }
}
