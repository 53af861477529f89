using System.Buffers;

namespace Assistant.Core.Tokenization;

/// <summary>
/// tiktoken's byte-pair merge: repeatedly merge the adjacent pair whose concatenation has the lowest rank (leftmost on
/// ties) until no adjacent pair is a token, then emit the rank of each part.
/// </summary>
internal static class BytePairEncoder
{
    /// <summary>
    /// Pieces at least this long use the heap-based merge: the plain loop is quadratic, and one long letter or
    /// whitespace run (a pasted base64 blob, a megabyte of spaces) must not stall cost accounting.
    /// </summary>
    internal const int HeapThreshold = 128;

    private const int StackLimit = 256;

    /// <summary>Writes the token ids of <paramref name="piece"/> to <paramref name="destination"/> (at least piece.Length long) and returns their count.</summary>
    public static int Encode(ReadOnlySpan<byte> piece, RankTable ranks, Span<int> destination)
    {
        if (piece.Length == 1)
        {
            destination[0] = ranks.RankOrMax(piece);
            return 1;
        }
        return piece.Length < HeapThreshold
            ? MergeLinear(piece, ranks, destination)
            : MergeWithHeap(piece, ranks, destination);
    }

    /// <summary>The reference loop, as in tiktoken's <c>_byte_pair_merge</c>; parts are (start, rank of the pair starting here).</summary>
    internal static int MergeLinear(ReadOnlySpan<byte> piece, RankTable ranks, Span<int> destination)
    {
        var n = piece.Length;
        int[]? rentedStarts = null, rentedRanks = null;
        var starts = n + 1 <= StackLimit ? stackalloc int[StackLimit] : (rentedStarts = ArrayPool<int>.Shared.Rent(n + 1));
        var pairRanks = n + 1 <= StackLimit ? stackalloc int[StackLimit] : (rentedRanks = ArrayPool<int>.Shared.Rent(n + 1));
        try
        {
            var minRank = int.MaxValue;
            var minIndex = -1;
            for (var i = 0; i < n - 1; i++)
            {
                var rank = ranks.RankOrMax(piece.Slice(i, 2));
                if (rank < minRank)
                {
                    minRank = rank;
                    minIndex = i;
                }
                starts[i] = i;
                pairRanks[i] = rank;
            }
            starts[n - 1] = n - 1;
            pairRanks[n - 1] = int.MaxValue;
            starts[n] = n;
            pairRanks[n] = int.MaxValue;
            var count = n + 1;

            while (minRank != int.MaxValue)
            {
                var i = minIndex;
                // Re-rank the pairs that now include the merged part, before removing part i + 1.
                if (i > 0)
                {
                    pairRanks[i - 1] = RankAt(piece, ranks, starts, count, i - 1);
                }
                pairRanks[i] = RankAt(piece, ranks, starts, count, i);
                starts.Slice(i + 2, count - i - 2).CopyTo(starts[(i + 1)..]);
                pairRanks.Slice(i + 2, count - i - 2).CopyTo(pairRanks[(i + 1)..]);
                count--;

                minRank = int.MaxValue;
                for (var k = 0; k < count - 1; k++)
                {
                    if (pairRanks[k] < minRank)
                    {
                        minRank = pairRanks[k];
                        minIndex = k;
                    }
                }
            }

            for (var k = 0; k < count - 1; k++)
            {
                destination[k] = ranks.RankOrMax(piece[starts[k]..starts[k + 1]]);
            }
            return count - 1;
        }
        finally
        {
            if (rentedStarts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedStarts);
                ArrayPool<int>.Shared.Return(rentedRanks!);
            }
        }
    }

    // The rank of part i merged with part i + 1 once parts i + 1 and i + 2 are merged (tiktoken's get_rank).
    private static int RankAt(ReadOnlySpan<byte> piece, RankTable ranks, Span<int> starts, int count, int i) =>
        i + 3 < count ? ranks.RankOrMax(piece[starts[i]..starts[i + 3]]) : int.MaxValue;

    /// <summary>
    /// Same merges as <see cref="MergeLinear"/> in O(n log n): parts are a linked list keyed by their start byte, and
    /// a heap ordered by (rank, start) yields exactly the pair the linear scan would pick. Stale heap entries are
    /// skipped by checking the part is alive and still has that rank (a part's pair only ever grows, so a rank seen
    /// again is the same pair).
    /// </summary>
    internal static int MergeWithHeap(ReadOnlySpan<byte> piece, RankTable ranks, Span<int> destination)
    {
        var n = piece.Length;
        var next = ArrayPool<int>.Shared.Rent(n + 1);
        var prev = ArrayPool<int>.Shared.Rent(n + 1);
        var pairRanks = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            var heap = new PriorityQueue<int, long>(n);
            for (var i = 0; i < n; i++)
            {
                next[i] = i + 1;
                prev[i] = i - 1;
                pairRanks[i] = i + 1 < n ? ranks.RankOrMax(piece.Slice(i, 2)) : int.MaxValue;
                if (pairRanks[i] != int.MaxValue)
                {
                    heap.Enqueue(i, Priority(pairRanks[i], i));
                }
            }
            next[n] = n;
            prev[n] = n - 1;

            while (heap.TryDequeue(out var i, out var priority))
            {
                if (next[i] == -1 || pairRanks[i] != (int)(priority >> 32))
                {
                    continue;
                }
                var removed = next[i];
                next[i] = next[removed];
                prev[next[i]] = i;
                next[removed] = -1;

                pairRanks[i] = next[i] < n ? ranks.RankOrMax(piece[i..next[next[i]]]) : int.MaxValue;
                if (pairRanks[i] != int.MaxValue)
                {
                    heap.Enqueue(i, Priority(pairRanks[i], i));
                }
                var p = prev[i];
                if (p >= 0)
                {
                    pairRanks[p] = ranks.RankOrMax(piece[p..next[i]]);
                    if (pairRanks[p] != int.MaxValue)
                    {
                        heap.Enqueue(p, Priority(pairRanks[p], p));
                    }
                }
            }

            var count = 0;
            for (var start = 0; start < n; start = next[start])
            {
                destination[count++] = ranks.RankOrMax(piece[start..next[start]]);
            }
            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(prev);
            ArrayPool<int>.Shared.Return(pairRanks);
        }
    }

    private static long Priority(int rank, int start) => ((long)rank << 32) | (uint)start;
}
