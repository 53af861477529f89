using Assistant.Core.Actions;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Actions;

/// <summary>The conventions every tool relies on, checked for every registered tool so a new one cannot drift.</summary>
public sealed class ToolCatalogTests : IDisposable
{
    private readonly TestActions _actions = new();

    public static TheoryData<string> ToolNames()
    {
        using var actions = new TestActions();
        return [.. actions.Get<ToolCatalog>().All.Select(tool => tool.Declaration.Name)];
    }

    private AssistantTool Tool(string name) => _actions.Get<ToolCatalog>().Find(name)!;

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Preview_and_execute_take_the_same_arguments(string name) =>
        // The model is offered ExecuteAsync's schema; the preview must read the very same arguments.
        Assert.Equal(Tool(name).Function.JsonSchema.GetRawText(), Tool(name).PreviewFunction.JsonSchema.GetRawText());

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void The_requester_context_is_never_part_of_the_schema(string name)
    {
        var schema = Tool(name).Schema.GetRawText();
        Assert.DoesNotContain("context", schema, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cancellationToken", schema, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Read_only_tools_need_no_confirmation_and_changing_tools_do(string name)
    {
        var declaration = Tool(name).Declaration;
        Assert.Equal(declaration.IsReadOnly, declaration.Policy == ConfirmationPolicy.None);
        Assert.Equal(name, Tool(name).Function.Name);
        Assert.False(string.IsNullOrWhiteSpace(declaration.Description));
    }

    public void Dispose() => _actions.Dispose();
}
