using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Actions.Tools;

/// <summary>
/// A tool the assistant can propose. A tool is two methods with the same parameters: <c>PreviewAsync</c> (checks
/// ownership and limits, says what would change and who must approve; changes nothing) and <c>ExecuteAsync</c> (does
/// it). Both become <see cref="AIFunction"/>s through <see cref="AIFunctionFactory"/>, so the parameters, with their
/// [Description] and validation attributes, are the JSON schema the model sees and the arguments are bound the same
/// way for every tool. The <see cref="ToolContext"/> parameter is bound from the server's context and is not in the
/// schema. Only <see cref="Executing.ActionExecutor"/> invokes these functions, and only once the policy is satisfied.
/// </summary>
public abstract class AssistantTool
{
    private AIFunction? _function;
    private AIFunction? _preview;

    public abstract ToolDeclaration Declaration { get; }

    /// <summary>Executes the tool; its name, description and schema are what a model is offered.</summary>
    public AIFunction Function => _function ??= Bind("ExecuteAsync");

    /// <summary>Previews the tool with the same arguments; returns a <see cref="ToolPreview"/>.</summary>
    public AIFunction PreviewFunction => _preview ??= Bind("PreviewAsync");

    public JsonElement Schema => Function.JsonSchema;

    /// <summary>The arguments a function call needs: the model's or client's values plus the server's context.</summary>
    public static AIFunctionArguments Arguments(JsonElement arguments, ToolContext context)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in arguments.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
        }
        return new AIFunctionArguments(values) { Context = new Dictionary<object, object?> { [typeof(ToolContext)] = context } };
    }

    private AIFunction Bind(string methodName)
    {
        var method = GetType().GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Tool {GetType().Name} has no public {methodName} method.");
        return AIFunctionFactory.Create(method, this, new AIFunctionFactoryOptions
        {
            Name = Declaration.Name,
            Description = Declaration.Description,
            SerializerOptions = ToolJson.Options,
            // Results stay objects (ToolPreview, ToolResult): we store and show them, the model never sees them raw.
            MarshalResult = (result, _, _) => new ValueTask<object?>(result),
            ConfigureParameterBinding = parameter => parameter.ParameterType == typeof(ToolContext)
                ? new AIFunctionFactoryOptions.ParameterBindingOptions
                {
                    ExcludeFromSchema = true,
                    BindParameter = (_, arguments) => arguments.Context?.TryGetValue(typeof(ToolContext), out var context) == true
                        ? context
                        : throw new InvalidOperationException($"Tool {Declaration.Name} was invoked without a requester; only ActionExecutor may invoke tools."),
                }
                : default,
        });
    }
}
