using System.Linq.Expressions;

namespace Assistant.Core.Retrieval.Vectors;

/// <summary>
/// Turns a <see cref="ChunkFilter"/> into the one filter shape every vector store here must translate:
/// <c>r =&gt; r.Labels.Contains("a:b") &amp;&amp; r.Labels.Contains("c:d")</c>. Null when there is nothing to filter.
/// </summary>
public static class ChunkVectorFilter
{
    public static Expression<Func<ChunkVector, bool>>? From(ChunkFilter filter)
    {
        if (filter.IsEmpty)
        {
            return null;
        }
        var record = Expression.Parameter(typeof(ChunkVector), "r");
        var labels = Expression.Property(record, nameof(ChunkVector.Labels));
        var contains = typeof(List<string>).GetMethod(nameof(List<string>.Contains), [typeof(string)])!;
        Expression? body = null;
        foreach (var (field, value) in filter.Conditions)
        {
            var condition = Expression.Call(labels, contains, Expression.Constant(ChunkVector.Label(field, value)));
            body = body is null ? condition : Expression.AndAlso(body, condition);
        }
        return Expression.Lambda<Func<ChunkVector, bool>>(body!, record);
    }
}
