using System.Data.Common;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Assistant.Core.Storage;

/// <summary>
/// Turns chunk rows into records. All chunks of a document share metadata and many share a heading trail, so parsed
/// JSON is cached by its text, and term strings come from one pool: this keeps a restart fast on large knowledge bases.
/// The columns are the same on SQLite and PostgreSQL (JSON read as text, terms and vector as bytes).
/// </summary>
internal sealed class ChunkRowReader
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _headings = new(StringComparer.Ordinal);
    private readonly StringPool _terms = new();

    public ChunkRecord Read(DbDataReader reader)
    {
        var headingJson = reader.GetString(4);
        if (!_headings.TryGetValue(headingJson, out var headings))
        {
            _headings[headingJson] = headings = JsonSerializer.Deserialize<string[]>(headingJson) ?? [];
        }
        var metadataJson = reader.GetString(10);
        if (!_metadata.TryGetValue(metadataJson, out var metadata))
        {
            _metadata[metadataJson] = metadata = StoredJson.ReadMetadata(metadataJson);
        }
        return new ChunkRecord(
            Id: reader.GetString(0),
            DocumentId: reader.GetString(1),
            Ordinal: reader.GetInt32(2),
            Title: reader.GetString(3),
            HeadingPath: headings,
            SourcePath: reader.GetString(5),
            Start: reader.GetInt32(6),
            End: reader.GetInt32(7),
            Text: reader.GetString(8),
            ContentHash: reader.GetString(9),
            Metadata: metadata,
            Terms: KeywordTerms.Deserialize((byte[])reader.GetValue(11), _terms),
            Vector: MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(12)).ToArray())
        {
            Flags = StoredJson.ReadFlags(reader.GetString(13)),
        };
    }

}
