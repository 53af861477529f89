namespace Assistant.Core.Insights.Gaps;

/// <summary>
/// A group of similar questions the assistant declined or that got a thumbs-down: what to write next. The articles are
/// the documents retrieval came closest with, most often first (the one to extend, or the neighbour of the one to write).
/// </summary>
public sealed record ContentGap(
    string Question,
    int Count,
    int Declined,
    int MarkedWrong,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Examples,
    IReadOnlyList<GapArticle> ClosestArticles);
