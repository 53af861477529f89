namespace Assistant.Core.Knowledge.Screening;

/// <summary>An indexed article with sentences that speak to the assistant, open or cleared.</summary>
public sealed record FlaggedArticle(string DocumentId, string Title, string SourcePath, IReadOnlyList<FlaggedSentence> Sentences)
{
    public int Open => Sentences.Count(sentence => sentence.IsOpen);
}
