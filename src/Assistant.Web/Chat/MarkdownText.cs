using System.Text.RegularExpressions;

namespace Assistant.Web.Chat;

/// <summary>Markdown source as readable plain text for the source panel: no heading marks, emphasis or link syntax.</summary>
public static partial class MarkdownText
{
    public static string Plain(string markdown)
    {
        var text = HeadingMarks().Replace(markdown, "");
        text = Link().Replace(text, "$1");
        return text.Replace("**", "").Replace("__", "").Replace("`", "");
    }

    [GeneratedRegex(@"(?m)^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();
}
