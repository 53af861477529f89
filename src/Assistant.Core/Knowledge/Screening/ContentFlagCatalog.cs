using Assistant.Core.Retrieval;
using Assistant.Core.Storage;

namespace Assistant.Core.Knowledge.Screening;

/// <summary>
/// The flagged articles of the current index with each sentence's review: what /api/health (staff) and the admin
/// content page show. Read from the index, so it is right after a restart too, not only after an ingest.
/// </summary>
public sealed class ContentFlagCatalog(KnowledgeIndex index, IFlagReviewStore reviews)
{
    public async Task<IReadOnlyList<FlaggedArticle>> ListAsync(CancellationToken cancellationToken = default)
    {
        var cleared = await reviews.GetClearedAsync(cancellationToken);
        return index.Current.Chunks
            .Where(chunk => chunk.Flags.Count > 0)
            .GroupBy(chunk => chunk.DocumentId, StringComparer.Ordinal)
            .Select(document =>
            {
                var first = document.First();
                // Chunks of a section overlap, so one sentence can be stored twice; it is one flag.
                var sentences = document
                    .SelectMany(chunk => chunk.Flags.Select(flag => (Flag: flag, Chunk: chunk)))
                    .DistinctBy(pair => pair.Flag.Hash)
                    .OrderBy(pair => pair.Flag.Start)
                    .Select(pair => new FlaggedSentence(pair.Flag.Hash, pair.Flag.Line, pair.Flag.Reason, TextOf(pair.Flag, pair.Chunk),
                        cleared.GetValueOrDefault((document.Key, pair.Flag.Hash))))
                    .ToList();
                return new FlaggedArticle(document.Key, first.Title, first.SourcePath, sentences);
            })
            .OrderBy(article => article.DocumentId, StringComparer.Ordinal)
            .ToList();
    }

    private static string TextOf(ContentFlag flag, ChunkRecord chunk)
    {
        var start = Math.Clamp(flag.Start - chunk.Start, 0, chunk.Text.Length);
        var end = Math.Clamp(flag.End - chunk.Start, start, chunk.Text.Length);
        return chunk.Text[start..end].Trim();
    }
}
