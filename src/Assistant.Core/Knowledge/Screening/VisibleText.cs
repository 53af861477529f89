using Assistant.Core.Knowledge.Sources;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// The first screening step of ingestion: keeps only what a reader of the article sees. Hidden markup (Markdown
/// sources only; a plain-text file shows its markup) and invisible characters are blanked in place, so the result
/// has the source's length and all offsets stay exact; what was dropped is reported with its line.
/// </summary>
public static class VisibleText
{
    public static ScreenedText Of(string text, SourceFormat format)
    {
        var dropped = new List<DroppedText>();
        var screened = text.ToCharArray();
        if (format == SourceFormat.Markdown && text.Contains('<') | text.Contains("]:", StringComparison.Ordinal))
        {
            HiddenMarkup.Blank(screened, text, dropped);
        }
        InvisibleCharacters.Remove(screened, text, dropped);
        // Plain tags are blanked without a report line (a <br> hides nothing), so compare the text too.
        return dropped.Count == 0 && screened.AsSpan().SequenceEqual(text)
            ? new ScreenedText(text, [])
            : new ScreenedText(new string(screened), dropped.OrderBy(d => d.Line).ToList());
    }
}
