namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// A document's text with everything invisible blanked out in place, so it has the same length as the source and
/// every offset (chunk ranges, citation quotes) still points at the same characters of the file.
/// </summary>
public sealed record ScreenedText(string Text, IReadOnlyList<DroppedText> Dropped);
