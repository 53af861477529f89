using Assistant.Core.Actions.Tools;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Operations;

/// <summary>A tool name in Assistant:Operations:DisabledTools that no tool has is a typo: the service does not start.</summary>
public sealed class ConfiguredToolsValidation(IEnumerable<AssistantTool> tools) : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var known = tools.Select(tool => tool.Declaration.Name).ToList();
        // A host without tools (the CLI's eval) has nothing to check against.
        if (known.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }
        var unknown = options.DisabledTools.Where(tool => !known.Contains(tool, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{OperationsOptions.SectionName}:DisabledTools names unknown tool(s) {string.Join(", ", unknown)}; tools are {string.Join(", ", known)}.");
    }
}
