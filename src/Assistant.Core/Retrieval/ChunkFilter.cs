using Assistant.Core.Storage;

namespace Assistant.Core.Retrieval;

/// <summary>
/// Metadata conditions a chunk must all meet: "tags:billing", "audience:customers", "category:policies",
/// "document:policies/refund-policy". A field with several values (tags) matches when any value equals.
/// </summary>
public sealed class ChunkFilter
{
    private readonly IReadOnlyList<(string Field, string Value)> _conditions;

    private ChunkFilter(IReadOnlyList<(string Field, string Value)> conditions) => _conditions = conditions;

    public static ChunkFilter None { get; } = new([]);

    public bool IsEmpty => _conditions.Count == 0;

    public IReadOnlyList<(string Field, string Value)> Conditions => _conditions;

    /// <summary>Parses "field:value" expressions; returns false with a message naming the bad one.</summary>
    public static bool TryParse(IEnumerable<string> expressions, out ChunkFilter filter, out string? error)
    {
        var conditions = new List<(string, string)>();
        foreach (var expression in expressions)
        {
            var colon = expression.IndexOf(':');
            var field = colon > 0 ? expression[..colon].Trim() : "";
            var value = colon > 0 ? expression[(colon + 1)..].Trim() : "";
            if (field.Length == 0 || value.Length == 0)
            {
                filter = None;
                error = $"filter '{expression}' must look like field:value with both parts filled in, for example tags:billing";
                return false;
            }
            conditions.Add((field, value));
        }
        filter = new ChunkFilter(conditions);
        error = null;
        return true;
    }

    public bool Matches(ChunkRecord chunk)
    {
        foreach (var (field, value) in _conditions)
        {
            var matched = field.Equals("document", StringComparison.OrdinalIgnoreCase)
                ? chunk.DocumentId.Equals(value, StringComparison.OrdinalIgnoreCase)
                : chunk.Metadata.TryGetValue(field, out var values) && values.Any(v => v.Equals(value, StringComparison.OrdinalIgnoreCase));
            if (!matched)
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => string.Join(" ", _conditions.Select(c => $"{c.Field}:{c.Value}"));
}
