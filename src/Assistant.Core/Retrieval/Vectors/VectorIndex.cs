using System.Numerics.Tensors;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Exact cosine search over one contiguous matrix of normalised vectors with SIMD dot products. At help-center scale
/// (tens of thousands of chunks) a full scan takes a few milliseconds and needs no approximate index to tune.
/// </summary>
public sealed class VectorIndex
{
    private readonly float[] _matrix;
    private readonly int _count;

    private VectorIndex(float[] matrix, int count, int dimensions)
    {
        _matrix = matrix;
        _count = count;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public static VectorIndex Build(IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var matrix = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != dimensions)
            {
                throw new InvalidOperationException(
                    $"Vector {i} has {vectors[i].Length} dimensions, expected {dimensions}; re-ingest after changing the embedding model.");
            }
            var row = matrix.AsSpan(i * dimensions, dimensions);
            vectors[i].Span.CopyTo(row);
            var norm = TensorPrimitives.Norm(row);
            // Most generators already return unit vectors; skip the divide for those.
            if (norm > 0 && MathF.Abs(norm - 1) > 1e-4f)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
        return new VectorIndex(matrix, vectors.Count, dimensions);
    }

    public List<(int Index, float Score)> Search(ReadOnlySpan<float> query, int top, Func<int, bool>? accept = null)
    {
        if (_count == 0 || query.Length != Dimensions)
        {
            return [];
        }
        var norm = TensorPrimitives.Norm(query);
        var scores = new float[_count];
        for (var i = 0; i < _count; i++)
        {
            scores[i] = TensorPrimitives.Dot(query, _matrix.AsSpan(i * Dimensions, Dimensions)) / Math.Max(norm, 1e-12f);
        }
        return TopK.Select(Enumerable.Range(0, _count), scores, top, accept);
    }
}
