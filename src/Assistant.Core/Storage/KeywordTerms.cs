namespace Assistant.Core.Storage;

/// <summary>
/// A chunk's analyzed terms with their frequencies, per field. Stored with the chunk so loading the keyword index at
/// start-up never re-runs the analyzer (restart time stays flat as the knowledge base grows).
/// </summary>
public sealed record KeywordTerms(
    IReadOnlyList<KeyValuePair<string, int>> Body,
    IReadOnlyList<KeyValuePair<string, int>> Title)
{
    public static readonly KeywordTerms Empty = new([], []);

    public int BodyLength => Body.Sum(term => term.Value);

    public int TitleLength => Title.Sum(term => term.Value);

    /// <summary>Flat arrays rather than dictionaries: nothing looks a term up here, and loading tens of thousands of chunks at start-up must be cheap.</summary>
    public static KeywordTerms From(IReadOnlyDictionary<string, int> body, IReadOnlyDictionary<string, int> title) =>
        new(body.ToArray(), title.ToArray());

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            Write(writer, Body);
            Write(writer, Title);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote (BinaryWriter's 7-bit lengths and UTF-8 strings), sharing term strings through the pool.</summary>
    internal static KeywordTerms Deserialize(ReadOnlySpan<byte> bytes, StringPool pool)
    {
        var position = 0;
        var body = Read(bytes, ref position, pool);
        var title = Read(bytes, ref position, pool);
        return new KeywordTerms(body, title);
    }

    private static KeyValuePair<string, int>[] Read(ReadOnlySpan<byte> bytes, ref int position, StringPool pool)
    {
        var terms = new KeyValuePair<string, int>[Read7BitInt(bytes, ref position)];
        for (var i = 0; i < terms.Length; i++)
        {
            var length = Read7BitInt(bytes, ref position);
            var term = pool.Get(bytes.Slice(position, length));
            position += length;
            terms[i] = new KeyValuePair<string, int>(term, Read7BitInt(bytes, ref position));
        }
        return terms;
    }

    private static int Read7BitInt(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = 0;
        var shift = 0;
        byte current;
        do
        {
            current = bytes[position++];
            value |= (current & 0x7F) << shift;
            shift += 7;
        }
        while ((current & 0x80) != 0);
        return value;
    }

    private static void Write(BinaryWriter writer, IReadOnlyList<KeyValuePair<string, int>> terms)
    {
        writer.Write7BitEncodedInt(terms.Count);
        foreach (var (term, frequency) in terms)
        {
            writer.Write(term);
            writer.Write7BitEncodedInt(frequency);
        }
    }
}
