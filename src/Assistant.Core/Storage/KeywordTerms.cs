namespace Assistant.Core.Storage;

/// <summary>
/// A chunk's analyzed terms with their frequencies, per field. Stored with the chunk so loading the keyword index at
/// start-up never re-runs the analyzer (restart time stays flat as the knowledge base grows).
/// </summary>
public sealed record KeywordTerms(
    IReadOnlyDictionary<string, int> Body,
    IReadOnlyDictionary<string, int> Title)
{
    public static readonly KeywordTerms Empty = new(new Dictionary<string, int>(), new Dictionary<string, int>());

    public int BodyLength => Body.Values.Sum();

    public int TitleLength => Title.Values.Sum();

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

    public static KeywordTerms Deserialize(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var body = Read(reader);
        var title = Read(reader);
        return new KeywordTerms(body, title);
    }

    private static void Write(BinaryWriter writer, IReadOnlyDictionary<string, int> terms)
    {
        writer.Write7BitEncodedInt(terms.Count);
        foreach (var (term, frequency) in terms)
        {
            writer.Write(term);
            writer.Write7BitEncodedInt(frequency);
        }
    }

    private static Dictionary<string, int> Read(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        var terms = new Dictionary<string, int>(count);
        for (var i = 0; i < count; i++)
        {
            terms[reader.ReadString()] = reader.Read7BitEncodedInt();
        }
        return terms;
    }
}
