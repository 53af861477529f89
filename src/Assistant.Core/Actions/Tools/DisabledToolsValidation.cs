using Assistant.Core.Operations;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions.Tools;

/// <summary>
/// A tool name in Assistant:Operations:DisabledTools that no tool has is a typo: the service does not start. Here, not in
/// Operations, because Operations knows no tools (Actions asks the switches, not the other way round).
/// </summary>
public sealed class DisabledToolsValidation(IEnumerable<AssistantTool> tools) : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var known = tools.Select(tool => tool.Declaration.Name).ToList();
        var unknown = options.DisabledTools.Where(tool => !known.Contains(tool, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{OperationsOptions.SectionName}:DisabledTools names unknown tool(s) {string.Join(", ", unknown)}; tools are {string.Join(", ", known)}.");
    }
}
