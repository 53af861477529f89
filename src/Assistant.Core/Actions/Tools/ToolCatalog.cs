using Assistant.Core.Releases;

namespace Assistant.Core.Actions.Tools;

/// <summary>The tools this deployment offers, by name. Register a tool in DI as <see cref="AssistantTool"/> to add it.</summary>
public sealed class ToolCatalog : IKnownTools
{
    private readonly Dictionary<string, AssistantTool> _byName;

    public ToolCatalog(IEnumerable<AssistantTool> tools)
    {
        All = [.. tools];
        _byName = new Dictionary<string, AssistantTool>(StringComparer.Ordinal);
        foreach (var tool in All)
        {
            if (!_byName.TryAdd(tool.Declaration.Name, tool))
            {
                throw new InvalidOperationException($"Two tools are named '{tool.Declaration.Name}'; tool names must be unique.");
            }
        }
    }

    public IReadOnlyList<AssistantTool> All { get; }

    public IReadOnlyList<string> Names => field ??= [.. All.Select(tool => tool.Declaration.Name)];

    public AssistantTool? Find(string? name) => name is not null && _byName.TryGetValue(name, out var tool) ? tool : null;
}
