namespace Assistant.Core.Knowledge.Parsing;

/// <summary>
/// The YAML subset help-center front matter uses: <c>key: value</c>, <c>key: [a, b]</c>, and <c>key:</c> followed by
/// <c>- item</c> lines. Anything else is reported as malformed rather than guessed at, so authors find their typo.
/// </summary>
public static class FrontMatter
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string text, out int bodyStart)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        bodyStart = 0;
        if (!IsDelimiter(ReadLine(text, 0, out var next)))
        {
            return values;
        }

        var lineNumber = 1;
        string? listKey = null;
        var position = next;
        while (position < text.Length)
        {
            var line = ReadLine(text, position, out next);
            lineNumber++;
            if (IsDelimiter(line))
            {
                bodyStart = next;
                return values;
            }
            position = next;
            var content = StripComment(line).TrimEnd();
            if (content.Trim().Length == 0)
            {
                continue;
            }
            if (content.TrimStart().StartsWith("- ", StringComparison.Ordinal) && listKey is not null)
            {
                values[listKey] = [.. values[listKey], Unquote(content.TrimStart()[2..].Trim())];
                continue;
            }
            var colon = content.IndexOf(':');
            var key = colon > 0 ? content[..colon].Trim() : "";
            if (key.Length == 0 || !key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new SourceRejectedException($"malformed front matter at line {lineNumber}: expected 'key: value' but found '{line.Trim()}'");
            }
            var value = content[(colon + 1)..].Trim();
            listKey = value.Length == 0 ? key : null;
            values[key] = ParseValue(value, lineNumber);
        }
        throw new SourceRejectedException("malformed front matter: it opens with '---' but has no closing '---' line");
    }

    private static IReadOnlyList<string> ParseValue(string value, int lineNumber)
    {
        if (value.Length == 0)
        {
            return [];
        }
        if (value.StartsWith('['))
        {
            if (!value.EndsWith(']'))
            {
                throw new SourceRejectedException($"malformed front matter at line {lineNumber}: list '{value}' has no closing ']'");
            }
            return value[1..^1]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(Unquote)
                .ToArray();
        }
        return [Unquote(value)];
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1]
            : value;

    // Only " #" starts a comment, so values such as "C#" survive.
    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? line[..hash] : line;
    }

    private static bool IsDelimiter(string line) => line.TrimEnd() == "---";

    private static string ReadLine(string text, int start, out int next)
    {
        var end = text.IndexOf('\n', start);
        next = end < 0 ? text.Length : end + 1;
        return text[start..(end < 0 ? text.Length : end)].TrimEnd('\r');
    }
}
