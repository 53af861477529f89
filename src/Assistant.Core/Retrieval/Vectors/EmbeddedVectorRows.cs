using System.Numerics.Tensors;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// The embedded collection's records in memory, each vector at unit length, with a key-to-slot map so an upsert or a
/// delete is O(1). Not thread-safe: <see cref="EmbeddedChunkCollection"/> guards it with a reader-writer lock.
/// </summary>
internal sealed class EmbeddedVectorRows
{
    private readonly List<ChunkVector> _records = [];
    private readonly Dictionary<Guid, int> _slots = [];

    public int Count => _records.Count;

    public IEnumerable<ChunkVector> Records => _records;

    public bool TryGet(Guid key, out ChunkVector record)
    {
        var found = _slots.TryGetValue(key, out var slot);
        record = found ? _records[slot] : null!;
        return found;
    }

    public void Set(ChunkVector record)
    {
        if (_slots.TryGetValue(record.Key, out var slot))
        {
            _records[slot] = record;
            return;
        }
        _slots[record.Key] = _records.Count;
        _records.Add(record);
    }

    public void Remove(Guid key)
    {
        if (!_slots.Remove(key, out var slot))
        {
            return;
        }
        // Swap the last record into the hole: no shifting, and slots stay dense for the scan.
        var last = _records.Count - 1;
        if (slot != last)
        {
            _records[slot] = _records[last];
            _slots[_records[slot].Key] = slot;
        }
        _records.RemoveAt(last);
    }

    public void Clear()
    {
        _records.Clear();
        _slots.Clear();
    }

    /// <summary>
    /// The <paramref name="top"/> records most similar to the query (cosine), best first. The filter runs only on
    /// records whose score would enter the current top, so a selective filter costs little more than none.
    /// </summary>
    public List<(ChunkVector Record, double Score)> Search(ReadOnlyMemory<float> query, int top, Func<ChunkVector, bool>? accept)
    {
        var norm = Math.Max(TensorPrimitives.Norm(query.Span), 1e-12f);
        var heap = new PriorityQueue<int, (float Score, string Tiebreak)>(top + 1, Lowest.Instance);
        for (var slot = 0; slot < _records.Count; slot++)
        {
            var score = TensorPrimitives.Dot(query.Span, _records[slot].Vector.Span) / norm;
            if (heap.Count == top && heap.TryPeek(out _, out var worst) && Lowest.Instance.Compare((score, _records[slot].ChunkId), worst) <= 0)
            {
                continue;
            }
            if (accept is not null && !accept(_records[slot]))
            {
                continue;
            }
            heap.Enqueue(slot, (score, _records[slot].ChunkId));
            if (heap.Count > top)
            {
                heap.Dequeue();
            }
        }
        var hits = new List<(ChunkVector, double)>(heap.Count);
        while (heap.TryDequeue(out var slot, out var priority))
        {
            hits.Add((_records[slot], priority.Score));
        }
        hits.Reverse();
        return hits;
    }

    // Lower score first (the heap's head is the worst kept hit); on a tie the later chunk id counts as worse, so
    // results are the same run to run whatever order records were upserted in.
    private sealed class Lowest : IComparer<(float Score, string Tiebreak)>
    {
        public static Lowest Instance { get; } = new();

        public int Compare((float Score, string Tiebreak) x, (float Score, string Tiebreak) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : string.CompareOrdinal(y.Tiebreak, x.Tiebreak);
    }
}
