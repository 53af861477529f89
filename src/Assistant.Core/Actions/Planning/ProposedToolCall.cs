using System.Text.Json;
using Assistant.Core.Actions.Tools;

namespace Assistant.Core.Actions.Planning;

/// <summary>
/// What a planner proposes: a tool, the arguments it could read, and what it still has to ask for. A proposal is
/// only a proposal: the tool's own checks and its confirmation policy decide whether anything runs. Source names the
/// planner ("router", or "model (planner-v1)" with the model planner's prompt version) for the audit log.
/// </summary>
public sealed record ProposedToolCall(string Tool, IReadOnlyDictionary<string, object?> Arguments, IReadOnlyList<string> Missing, string Source)
{
    /// <summary>Arguments the user gave in a form that cannot be used (an amount too large to represent), with why.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool IsComplete => Missing.Count == 0 && Rejected.Count == 0;

    public JsonElement ArgumentsJson() => JsonSerializer.SerializeToElement(Arguments, ToolJson.Options);
}
