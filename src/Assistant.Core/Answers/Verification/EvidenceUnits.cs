using Assistant.Core.Text;

namespace Assistant.Core.Answers.Verification;

/// <summary>
/// Cuts a passage into the smallest spans a quote can be: sentences within lines, and whole lines for headings, list
/// items and table rows. Offsets are into the passage text.
/// </summary>
public static class EvidenceUnits
{
    public static IReadOnlyList<Range> Of(string passage)
    {
        var units = new List<Range>();
        var start = 0;
        while (start < passage.Length)
        {
            var newline = passage.IndexOf('\n', start);
            var end = newline < 0 ? passage.Length : newline;
            var line = passage.AsSpan(start, end - start);
            if (!IsMarkupOnly(line))
            {
                var isTableRow = line.TrimStart().StartsWith("|");
                if (isTableRow)
                {
                    units.Add(new Range(start, end));
                }
                else
                {
                    units.AddRange(SentenceSplitter.Split(passage, start, end));
                }
            }
            start = end + 1;
        }
        return units;
    }

    // Table separators, code fences and blank lines carry no claim.
    private static bool IsMarkupOnly(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return line.TrimStart().StartsWith("```");
            }
        }
        return true;
    }
}
