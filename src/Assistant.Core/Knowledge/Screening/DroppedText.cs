namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// Text a reader of the rendered article never sees, left out of the index: what kind it was, the line of the source
/// file it starts on (1-based), and a short excerpt so an author can find it.
/// </summary>
public sealed record DroppedText(string Kind, int Line, string Excerpt);
