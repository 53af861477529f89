using Assistant.Core.Knowledge.Chunking;
using Assistant.Core.Knowledge.Parsing;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Storage;

namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>Turns a parsed document's chunk drafts into records: text, metadata and keyword terms (vectors come later).</summary>
public sealed class ChunkBuilder(SectionChunker chunker, EnglishAnalyzer analyzer)
{
    public IReadOnlyList<ChunkRecord> Build(ParsedDocument document)
    {
        var drafts = chunker.Chunk(document);
        var records = new List<ChunkRecord>(drafts.Count);
        foreach (var draft in drafts)
        {
            var text = document.Text[draft.Start..draft.End];
            var trail = string.Join(" > ", draft.HeadingPath);
            var terms = KeywordTerms.From(
                body: analyzer.CountTerms(text),
                title: analyzer.CountTerms($"{document.Title} {trail} {Tags(document)}"));
            records.Add(new ChunkRecord(
                Id: $"{document.Id}#{draft.Ordinal}",
                DocumentId: document.Id,
                Ordinal: draft.Ordinal,
                Title: document.Title,
                HeadingPath: draft.HeadingPath,
                SourcePath: document.SourcePath,
                Start: draft.Start,
                End: draft.End,
                Text: text,
                ContentHash: ContentHash.Of(ChunkRecord.EmbeddingInputOf(document.Title, trail, text)),
                Metadata: document.Metadata,
                Terms: terms,
                Vector: ReadOnlyMemory<float>.Empty));
        }
        return records;
    }

    // Tags are the author's own keywords for the article, so they weigh like the title.
    private static string Tags(ParsedDocument document) =>
        document.Metadata.TryGetValue("tags", out var tags) ? string.Join(' ', tags) : "";

}
