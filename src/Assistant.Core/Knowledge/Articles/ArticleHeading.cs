namespace Assistant.Core.Knowledge.Articles;

/// <summary>
/// A heading of a rendered article: its level, plain text, the HTML <c>id</c> it was given, and the character offset of
/// its line in the original file text (front matter included), the same offsets citations carry.
/// </summary>
public sealed record ArticleHeading(int Level, string Text, string Anchor, int SourceStart);
