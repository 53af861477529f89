namespace Assistant.Core.Actions.Planning;

/// <summary>
/// What a planner proposes: a tool, the arguments it could read, and what it still has to ask for. A proposal is
/// only a proposal: the tool's own checks and its confirmation policy decide whether anything runs.
/// </summary>
public sealed record ProposedToolCall(string Tool, IReadOnlyDictionary<string, string> Arguments, IReadOnlyList<string> Missing)
{
    public bool IsComplete => Missing.Count == 0;
}
