using System.Linq.Expressions;
using System.Reflection;
using Condition = Qdrant.Client.Grpc.Condition;
using Conditions = Qdrant.Client.Grpc.Conditions;
using Filter = Qdrant.Client.Grpc.Filter;

namespace Assistant.Core.Retrieval.Vectors.Qdrant;

/// <summary>
/// Turns the filter expressions this product writes over <see cref="ChunkVector"/> into a Qdrant payload filter:
/// conjunctions (<c>&amp;&amp;</c>) of <c>r.Labels.Contains(x)</c>, <c>r.ChunkId == x</c> and <c>r.DocumentId == x</c>,
/// where x is a constant or a value the lambda captured. Anything else is refused by name rather than approximated:
/// a filter that silently matched more than asked would leak chunks across audiences.
/// </summary>
internal static class QdrantFilterTranslator
{
    public static Filter? Translate(Expression<Func<ChunkVector, bool>>? filter)
    {
        if (filter is null)
        {
            return null;
        }
        var translated = new Filter();
        AddConditions(filter.Body, filter.Parameters[0], translated.Must);
        return translated;
    }

    private static void AddConditions(Expression expression, ParameterExpression record, ICollection<Condition> must)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } both:
                AddConditions(both.Left, record, must);
                AddConditions(both.Right, record, must);
                return;
            case MethodCallExpression call when LabelsContains(call, record) is { } label:
                must.Add(Conditions.MatchKeyword(QdrantPayload.Labels, Value(label, expression, record)));
                return;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when FieldEquals(equal, record) is { } match:
                must.Add(Conditions.MatchKeyword(match.Field, Value(match.Value, expression, record)));
                return;
            default:
                throw Unsupported(expression);
        }
    }

    // r.Labels.Contains(x) as List<string>.Contains, or Enumerable.Contains(r.Labels, x) when written against IEnumerable.
    private static Expression? LabelsContains(MethodCallExpression call, ParameterExpression record)
    {
        if (call.Method.Name != nameof(List<string>.Contains))
        {
            return null;
        }
        var (target, argument) = call.Object is not null && call.Arguments.Count == 1
            ? (call.Object, call.Arguments[0])
            : call.Object is null && call.Method.DeclaringType == typeof(Enumerable) && call.Arguments.Count == 2
                ? (call.Arguments[0], call.Arguments[1])
                : (null, null);
        return IsProperty(target, record, nameof(ChunkVector.Labels)) ? argument : null;
    }

    private static (string Field, Expression Value)? FieldEquals(BinaryExpression equal, ParameterExpression record)
    {
        foreach (var (side, other) in new[] { (equal.Left, equal.Right), (equal.Right, equal.Left) })
        {
            if (IsProperty(side, record, nameof(ChunkVector.ChunkId)))
            {
                return (QdrantPayload.ChunkId, other);
            }
            if (IsProperty(side, record, nameof(ChunkVector.DocumentId)))
            {
                return (QdrantPayload.DocumentId, other);
            }
        }
        return null;
    }

    private static bool IsProperty(Expression? expression, ParameterExpression record, string name) =>
        expression is MemberExpression { Member: PropertyInfo property, Expression: var owner }
        && owner == record && property.Name == name;

    /// <summary>Evaluates the compared value: a constant, or a captured variable (a field of the closure object).</summary>
    private static string Value(Expression value, Expression condition, ParameterExpression record)
    {
        if (ParameterFinder.References(value, record))
        {
            throw Unsupported(condition);
        }
        var evaluated = value switch
        {
            ConstantExpression constant => constant.Value,
            _ => Expression.Lambda(value).Compile(preferInterpretation: true).DynamicInvoke(),
        };
        return evaluated as string
            ?? throw new NotSupportedException(
                $"The Qdrant vector store cannot translate the filter condition '{condition}': it compares with {(evaluated is null ? "null" : $"a {evaluated.GetType().Name}")}, only with a string.");
    }

    private static NotSupportedException Unsupported(Expression expression) => new(
        $"The Qdrant vector store cannot translate the filter condition '{expression}'. Supported: conditions joined with && of the form "
        + "r.Labels.Contains(value), r.ChunkId == value or r.DocumentId == value, where value is a string constant or a captured variable.");

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        private bool _found;

        public static bool References(Expression expression, ParameterExpression parameter)
        {
            var finder = new ParameterFinder(parameter);
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == parameter;
            return node;
        }
    }
}
