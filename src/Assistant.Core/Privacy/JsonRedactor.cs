using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Core.Privacy;

/// <summary>
/// Redacts every string in a JSON value (tool arguments: a ticket's description, a cancellation note) and every number
/// that is a card number, which becomes its marker string (and then fails a numeric schema, as it should).
/// </summary>
public static class JsonRedactor
{
    public static (JsonElement Value, IReadOnlyList<SensitiveDataKind> Removed) Redact(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Undefined)
        {
            return (value, []);
        }
        var removed = new List<SensitiveDataKind>();
        var node = Redact(JsonNode.Parse(value.GetRawText()), removed);
        return removed.Count == 0 ? (value, []) : (JsonSerializer.SerializeToElement(node), removed);
    }

    private static JsonNode? Redact(JsonNode? node, List<SensitiveDataKind> removed)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, member) in members.ToList())
                {
                    var key = Note(SensitiveDataRedactor.Redact(name), removed);
                    var redacted = Redact(member, removed);
                    if (key != name || !ReferenceEquals(redacted, member))
                    {
                        members.Remove(name);
                        members[key] = redacted;
                    }
                }
                return members;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    var redacted = Redact(items[i], removed);
                    if (!ReferenceEquals(redacted, items[i]))
                    {
                        items[i] = redacted;
                    }
                }
                return items;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                var text = scalar.GetValue<string>();
                var clean = Note(SensitiveDataRedactor.Redact(text), removed);
                return clean == text ? scalar : JsonValue.Create(clean);
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                var digits = scalar.ToJsonString();
                if (digits.All(char.IsAsciiDigit) && CardNumbers.IsCardNumber(digits))
                {
                    Note(new RedactedText("", [SensitiveDataKind.CardNumber]), removed);
                    return JsonValue.Create(CardNumbers.Marker(digits));
                }
                return scalar;
            default:
                return node;
        }
    }

    private static string Note(RedactedText redacted, List<SensitiveDataKind> removed)
    {
        removed.AddRange(redacted.Removed.Where(kind => !removed.Contains(kind)));
        return redacted.Text;
    }
}
