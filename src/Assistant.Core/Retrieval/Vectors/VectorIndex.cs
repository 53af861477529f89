using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Exact cosine search over unit vectors with SIMD dot products. At help-center scale (tens of thousands of chunks)
/// a full scan takes a few milliseconds and needs no approximate index to tune. Rows are kept as loaded rather than
/// copied into one matrix: the copy doubled the memory a restart touches and bought no measurable speed.
/// </summary>
public sealed class VectorIndex
{
    private readonly ReadOnlyMemory<float>[] _rows;

    private VectorIndex(ReadOnlyMemory<float>[] rows, int dimensions)
    {
        _rows = rows;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public static VectorIndex Build(IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var rows = new ReadOnlyMemory<float>[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != dimensions)
            {
                throw new InvalidOperationException(
                    $"Vector {i} has {vectors[i].Length} dimensions, expected {dimensions}; re-ingest after changing the embedding model.");
            }
            rows[i] = Normalised(vectors[i]);
        }
        return new VectorIndex(rows, dimensions);
    }

    public List<(int Index, float Score)> Search(ReadOnlySpan<float> query, int top, Func<int, bool>? accept = null)
    {
        if (_rows.Length == 0 || query.Length != Dimensions)
        {
            return [];
        }
        var norm = Math.Max(TensorPrimitives.Norm(query), 1e-12f);
        var scores = new float[_rows.Length];
        for (var i = 0; i < _rows.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(query, _rows[i].Span) / norm;
        }
        return TopK.Select(Enumerable.Range(0, _rows.Length), scores, top, accept);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Dimensions);
        writer.Write(_rows.Length);
        foreach (var row in _rows)
        {
            writer.Write(MemoryMarshal.AsBytes(row.Span));
        }
    }

    /// <summary>Reads every row into one block with a single read; rows are slices of it.</summary>
    internal static VectorIndex Read(BinaryReader reader)
    {
        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        var block = new float[dimensions * count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(block.AsSpan()));
        var rows = new ReadOnlyMemory<float>[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new ReadOnlyMemory<float>(block, i * dimensions, dimensions);
        }
        return new VectorIndex(rows, dimensions);
    }

    // Most generators already return unit vectors; only the others pay for a normalised copy.
    private static ReadOnlyMemory<float> Normalised(ReadOnlyMemory<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector.Span);
        if (norm == 0 || MathF.Abs(norm - 1) <= 1e-4f)
        {
            return vector;
        }
        var copy = new float[vector.Length];
        TensorPrimitives.Divide(vector.Span, norm, copy);
        return copy;
    }
}
