using System.Buffers;
using System.Runtime.InteropServices;
using Assistant.Core.Storage;

namespace Assistant.Core.Retrieval.Keyword;

/// <summary>
/// In-memory BM25 over stored chunk terms, with the title and heading trail as a weighted second field (BM25F with
/// one shared length normalisation). IDF is Lucene's, ln(1 + (N - df + 0.5) / (df + 0.5)), which never goes negative.
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly float[] _norms;
    private readonly float _k1;

    private Bm25Index(Dictionary<string, Posting[]> postings, float[] norms, float k1)
    {
        _postings = postings;
        _norms = norms;
        _k1 = k1;
    }

    public int Count => _norms.Length;

    public static Bm25Index Build(IReadOnlyList<KeywordTerms> chunks, double k1, double b, double titleWeight)
    {
        var lists = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var lengths = new float[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var terms = chunks[i];
            lengths[i] = (float)(terms.BodyLength + titleWeight * terms.TitleLength);
            foreach (var (term, frequency) in terms.Body)
            {
                Add(term, frequency);
            }
            if (titleWeight > 0)
            {
                foreach (var (term, frequency) in terms.Title)
                {
                    Add(term, titleWeight * frequency);
                }
            }

            void Add(string term, double weight)
            {
                if (!lists.TryGetValue(term, out var list))
                {
                    lists[term] = list = [];
                }
                // Body and title entries of one chunk arrive back to back; merge them into one posting.
                if (list.Count > 0 && list[^1].Chunk == i)
                {
                    list[^1] = list[^1] with { Frequency = list[^1].Frequency + (float)weight };
                }
                else
                {
                    list.Add(new Posting(i, (float)weight));
                }
            }
        }

        var average = lengths.Length == 0 ? 1f : Math.Max(lengths.Average(), 1e-6f);
        var norms = lengths.Select(length => (float)(k1 * (1 - b + b * length / average))).ToArray();
        var postings = lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        return new Bm25Index(postings, norms, (float)k1);
    }

    /// <summary>
    /// How informative a term is in this collection (Lucene IDF). A term the collection has never seen gets the
    /// highest value: a question about it asks for something the knowledge base does not hold.
    /// </summary>
    public double InverseDocumentFrequency(string term)
    {
        var frequency = _postings.TryGetValue(term, out var postings) ? postings.Length : 0;
        return Math.Log(1 + (_norms.Length - frequency + 0.5) / (frequency + 0.5));
    }

    public List<(int Index, float Score)> Search(IReadOnlyList<string> queryTerms, int top, Func<int, bool>? accept = null)
    {
        // Rented arrays come back dirty from other users of the shared pool: clear before accumulating.
        var scores = ArrayPool<float>.Shared.Rent(_norms.Length);
        Array.Clear(scores, 0, _norms.Length);
        var touched = new List<int>();
        try
        {
            foreach (var term in queryTerms)
            {
                if (!_postings.TryGetValue(term, out var postings))
                {
                    continue;
                }
                var idf = (float)Math.Log(1 + (_norms.Length - postings.Length + 0.5) / (postings.Length + 0.5));
                foreach (var posting in postings)
                {
                    var tf = posting.Frequency;
                    if (scores[posting.Chunk] == 0)
                    {
                        touched.Add(posting.Chunk);
                    }
                    scores[posting.Chunk] += idf * tf * (_k1 + 1) / (tf + _norms[posting.Chunk]);
                }
            }
            return TopK.Select(touched, scores, top, accept);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_k1);
        writer.Write(_norms.Length);
        writer.Write(MemoryMarshal.AsBytes(_norms.AsSpan()));
        writer.Write(_postings.Count);
        foreach (var (term, postings) in _postings)
        {
            writer.Write(term);
            writer.Write(postings.Length);
            writer.Write(MemoryMarshal.AsBytes(postings.AsSpan()));
        }
    }

    internal static Bm25Index Read(BinaryReader reader)
    {
        var k1 = reader.ReadSingle();
        var norms = new float[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(norms.AsSpan()));
        var terms = reader.ReadInt32();
        var postings = new Dictionary<string, Posting[]>(terms, StringComparer.Ordinal);
        for (var i = 0; i < terms; i++)
        {
            var term = reader.ReadString();
            var list = new Posting[reader.ReadInt32()];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(list.AsSpan()));
            postings[term] = list;
        }
        return new Bm25Index(postings, norms, k1);
    }

    private readonly record struct Posting(int Chunk, float Frequency);
}
