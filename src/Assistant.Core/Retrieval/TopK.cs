namespace Assistant.Core.Retrieval;

/// <summary>Keeps the k best (index, score) pairs with a min-heap: O(n log k) instead of sorting everything.</summary>
internal static class TopK
{
    public static List<(int Index, float Score)> Select(IEnumerable<int> candidates, float[] scores, int k, Func<int, bool>? accept)
    {
        var heap = new PriorityQueue<int, (float Score, int Tiebreak)>(k + 1);
        foreach (var index in candidates)
        {
            if (accept is not null && !accept(index))
            {
                continue;
            }
            // Ties break towards the lower index, so results are deterministic run to run.
            heap.Enqueue(index, (scores[index], -index));
            if (heap.Count > k)
            {
                heap.Dequeue();
            }
        }
        var result = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var index, out var priority))
        {
            result.Add((index, priority.Score));
        }
        result.Reverse();
        return result;
    }
}
