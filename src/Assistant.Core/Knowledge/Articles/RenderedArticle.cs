namespace Assistant.Core.Knowledge.Articles;

/// <summary>An article as HTML safe to embed in the web UI, with its headings in document order.</summary>
public sealed record RenderedArticle(string DocumentId, string Title, string Html, IReadOnlyList<ArticleHeading> Headings);
