using Assistant.Core.Retrieval.Keyword;
using Assistant.Core.Storage;

namespace Assistant.Core.Retrieval;

/// <summary>
/// A built <see cref="IndexSnapshot"/> saved as one file beside the database, as plain arrays (postings, norms) that
/// load with a few large reads. Rebuilding from SQLite decodes every row and allocates several times
/// the index's size, which on a large knowledge base is most of a restart. The store stays the source of truth: the
/// segment is used only when its fingerprint (store generation, settings, analyzer) matches, otherwise rebuilt.
/// </summary>
internal static class IndexSegment
{
    private const int Magic = 0x41534733; // "ASG3": vectors moved to the vector store

    public static string Fingerprint(string storeVersion, RetrievalOptions options) =>
        $"{storeVersion}|{options.K1}|{options.B}|{options.TitleWeight}|{Text.Analysis.EnglishAnalyzer.Version}";

    public static void Save(string path, IndexSnapshot snapshot, string fingerprint)
    {
        // Written beside the target and renamed over it, so a crash never leaves a half-written segment in place. The
        // name is unique because the CLI and a running host may save the same segment at the same time.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(fingerprint);
            WriteChunks(writer, snapshot.Chunks);
            snapshot.Keyword.Write(writer);
            writer.Write(Magic);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The saved snapshot, or null when there is none, it is for another fingerprint, or it is damaged.</summary>
    public static IndexSnapshot? TryLoad(string path, string fingerprint)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var reader = new BinaryReader(stream);
            if (reader.ReadInt32() != Magic || reader.ReadString() != fingerprint)
            {
                return null;
            }
            var chunks = ReadChunks(reader);
            var keyword = Bm25Index.Read(reader);
            return reader.ReadInt32() == Magic ? IndexSnapshot.FromParts(chunks, keyword) : null;
        }
        catch (Exception exception) when (exception is IOException or EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static void WriteChunks(BinaryWriter writer, IReadOnlyList<ChunkRecord> chunks)
    {
        // All chunks of a document share one metadata dictionary; write each distinct one once.
        var metadata = chunks.Select(chunk => chunk.Metadata).Distinct().ToList();
        var metadataIndex = metadata.Select((value, index) => (value, index)).ToDictionary(pair => pair.value, pair => pair.index);
        writer.Write(metadata.Count);
        foreach (var entry in metadata)
        {
            writer.Write(StoredJson.WriteMetadata(entry));
        }
        writer.Write(chunks.Count);
        foreach (var chunk in chunks)
        {
            writer.Write(chunk.Id);
            writer.Write(chunk.DocumentId);
            writer.Write(chunk.Ordinal);
            writer.Write(chunk.Title);
            writer.Write(chunk.HeadingPath.Count);
            foreach (var heading in chunk.HeadingPath)
            {
                writer.Write(heading);
            }
            writer.Write(chunk.SourcePath);
            writer.Write(chunk.Start);
            writer.Write(chunk.End);
            writer.Write(chunk.Text);
            writer.Write(chunk.ContentHash);
            writer.Write(metadataIndex[chunk.Metadata]);
            writer.Write(StoredJson.WriteFlags(chunk.Flags));
        }
    }

    private static List<ChunkRecord> ReadChunks(BinaryReader reader)
    {
        var metadata = new IReadOnlyDictionary<string, IReadOnlyList<string>>[reader.ReadInt32()];
        for (var i = 0; i < metadata.Length; i++)
        {
            metadata[i] = StoredJson.ReadMetadata(reader.ReadString());
        }
        var count = reader.ReadInt32();
        var chunks = new List<ChunkRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var documentId = reader.ReadString();
            var ordinal = reader.ReadInt32();
            var title = reader.ReadString();
            var headings = new string[reader.ReadInt32()];
            for (var h = 0; h < headings.Length; h++)
            {
                headings[h] = reader.ReadString();
            }
            chunks.Add(new ChunkRecord(id, documentId, ordinal, title, headings,
                SourcePath: reader.ReadString(), Start: reader.ReadInt32(), End: reader.ReadInt32(), Text: reader.ReadString(),
                ContentHash: reader.ReadString(), Metadata: metadata[reader.ReadInt32()],
                Terms: KeywordTerms.Empty, Vector: ReadOnlyMemory<float>.Empty)
            {
                Flags = StoredJson.ReadFlags(reader.ReadString()),
            });
        }
        return chunks;
    }
}
