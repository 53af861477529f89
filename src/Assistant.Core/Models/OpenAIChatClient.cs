using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using MeaiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;
using OpenAIFinishReason = OpenAI.Chat.ChatFinishReason;

namespace Assistant.Core.Models;

/// <summary>
/// Adapts the official OpenAI SDK's <see cref="ChatClient"/> to <see cref="IChatClient"/>, for text chat only.
/// Microsoft.Extensions.AI.OpenAI would provide this but does not restore here; this is the smallest stand-in.
/// </summary>
/// <remarks>
/// <para>Failures are not translated: <see cref="ClientResultException"/> (with its HTTP status) and transport
/// exceptions propagate unchanged so the resilience layer above can decide on retries and fallback. A reply that
/// arrives with a success status but cannot be used (no choices, an unparsable body, a stream that ends without a
/// finish reason) throws <see cref="InvalidDataException"/>, so it is never mistaken for an empty answer.</para>
/// <para>The SDK's <see cref="ChatClient"/> is bound to one model and does not publicly let a request name another,
/// so <see cref="ChatOptions.ModelId"/> may only repeat the bound model; any other value throws
/// <see cref="NotSupportedException"/> rather than silently answering with the wrong model. Use one client per model
/// (see <see cref="OpenAIChatClientFactory"/>).</para>
/// </remarks>
/// <param name="client">The SDK client, already bound to <paramref name="model"/>.</param>
/// <param name="model">The model the SDK client sends; reported through <see cref="ChatClientMetadata"/>.</param>
/// <param name="endpoint">The provider endpoint, or <see langword="null"/> for the SDK default; metadata only.</param>
public sealed class OpenAIChatClient(ChatClient client, string model, Uri? endpoint) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("openai", endpoint, model);

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = ToOpenAIMessages(messages, options);
        var completionOptions = ToOpenAIOptions(options);

        ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(request, completionOptions, cancellationToken)).Value;
        }
        catch (Exception exception) when (IsUnreadableBody(exception))
        {
            // The status was a success (errors throw ClientResultException before deserialization), so the body itself
            // is broken; report it as bad data rather than leaking the SDK's parser internals.
            throw new InvalidDataException("The chat completion response body could not be read.", exception);
        }

        string text;
        try
        {
            // The SDK reads the first choice lazily (its choice list is internal); with none, this access throws.
            text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or NullReferenceException)
        {
            // Out of range: "choices" empty or absent; null: a choice without a message.
            throw new InvalidDataException("The chat completion response contained no usable choice.", exception);
        }

        var message = new MeaiChatMessage(ChatRole.Assistant, [.. TextAndToolCalls(text, completion)])
        {
            MessageId = completion.Id,
            CreatedAt = completion.CreatedAt,
            RawRepresentation = completion,
        };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model ?? model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Yields one update per text delta as it arrives, then one final update carrying the finish reason and, when the
    /// server reports it, a <see cref="UsageContent"/>. The SDK always sends <c>stream_options.include_usage = true</c>
    /// on streaming requests (the option is internal, not settable), so OpenAI-compatible servers report usage.
    /// </remarks>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = ToOpenAIMessages(messages, options);
        var completionOptions = ToOpenAIOptions(options);

        string? responseId = null;
        string? modelId = null;
        DateTimeOffset? createdAt = null;
        MeaiFinishReason? finishReason = null;
        UsageDetails? usage = null;

        await using var updates = client.CompleteChatStreamingAsync(request, completionOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            // Enumerated by hand because C# cannot yield inside a try with a catch, and each chunk is parsed on MoveNext.
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception exception) when (IsUnreadableBody(exception))
            {
                throw new InvalidDataException("A chat completion stream chunk could not be read.", exception);
            }

            var update = updates.Current;
            responseId ??= update.CompletionId;
            modelId ??= update.Model;
            if (update.CreatedAt != default)
            {
                createdAt ??= update.CreatedAt;
            }
            if (update.FinishReason is { } reason)
            {
                finishReason = ToFinishReason(reason);
            }
            if (update.Usage is { } reported)
            {
                usage = ToUsage(reported);
            }

            var text = string.Concat(update.ContentUpdate.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
            if (text.Length > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text)
                {
                    ResponseId = update.CompletionId,
                    MessageId = update.CompletionId,
                    ModelId = update.Model ?? model,
                    CreatedAt = createdAt,
                    RawRepresentation = update,
                };
            }
        }

        // Every well-formed stream ends its choice with a finish reason; without one the body was not a chat stream, had
        // no choices, or was cut off, and the caller must not take the text so far as a complete answer.
        if (finishReason is null)
        {
            throw new InvalidDataException("The chat completion stream ended without a finish reason.");
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, usage is null ? [] : [new UsageContent(usage)])
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId ?? model,
            CreatedAt = createdAt,
            FinishReason = finishReason,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType.IsInstanceOfType(_metadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(client) ? client
            : null;
    }

    /// <summary>Nothing to release: the SDK client owns no disposable state per instance.</summary>
    public void Dispose()
    {
    }

    // Not JSON throws JsonException; JSON of the wrong shape throws InvalidOperationException or FormatException from
    // JsonElement. Matching on the throwing assembly keeps a transport InvalidOperationException out of this bucket.
    private static bool IsUnreadableBody(Exception exception) =>
        exception is System.Text.Json.JsonException || exception.TargetSite?.DeclaringType?.Assembly == typeof(System.Text.Json.JsonElement).Assembly;

    private List<OpenAIChatMessage> ToOpenAIMessages(IEnumerable<MeaiChatMessage> messages, ChatOptions? options)
    {
        var result = new List<OpenAIChatMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            result.Add(new SystemChatMessage(options.Instructions));
        }
        foreach (var message in messages)
        {
            var text = TextOf(message);
            result.Add(message.Role == ChatRole.System ? new SystemChatMessage(text)
                : message.Role == ChatRole.User ? new UserChatMessage(text)
                : message.Role == ChatRole.Assistant ? new AssistantChatMessage(text)
                : throw new NotSupportedException($"{nameof(OpenAIChatClient)} supports system, user and assistant messages, not '{message.Role}'."));
        }
        return result;
    }

    private static string TextOf(MeaiChatMessage message)
    {
        // Only text is mapped; dropping an image or tool call silently would change what the model is asked.
        foreach (var content in message.Contents)
        {
            if (content is not TextContent and not UsageContent)
            {
                throw new NotSupportedException($"{nameof(OpenAIChatClient)} supports text content only, not {content.GetType().Name}.");
            }
        }
        return string.Concat(message.Contents.OfType<TextContent>().Select(content => content.Text));
    }

    private ChatCompletionOptions ToOpenAIOptions(ChatOptions? options)
    {
        var result = options?.RawRepresentationFactory?.Invoke(this) as ChatCompletionOptions ?? new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }
        if (options.ModelId is { } requested && !string.Equals(requested, model, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"This client is bound to model '{model}' and cannot send '{requested}'; create a client for that model.");
        }
        // Function declarations are offered to the model; what it calls comes back as FunctionCallContent for the
        // caller to decide on. Nothing here invokes a function.
        foreach (var tool in options.Tools ?? [])
        {
            if (tool is not AIFunctionDeclaration function)
            {
                throw new NotSupportedException($"{nameof(OpenAIChatClient)} supports function tools only, not {tool.GetType().Name}.");
            }
            result.Tools.Add(ChatTool.CreateFunctionTool(function.Name, function.Description, BinaryData.FromString(function.JsonSchema.GetRawText())));
        }
        result.ToolChoice ??= options.ToolMode switch
        {
            NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
            RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
            RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
            AutoChatToolMode when result.Tools.Count > 0 => ChatToolChoice.CreateAutoChoice(),
            _ => null,
        };

        result.Temperature ??= options.Temperature;
        result.TopP ??= options.TopP;
        result.MaxOutputTokenCount ??= options.MaxOutputTokens;
        result.FrequencyPenalty ??= options.FrequencyPenalty;
        result.PresencePenalty ??= options.PresencePenalty;
        if (options.StopSequences is { } stops)
        {
            foreach (var stop in stops)
            {
                result.StopSequences.Add(stop);
            }
        }
        result.ResponseFormat ??= options.ResponseFormat switch
        {
            ChatResponseFormatText => OpenAI.Chat.ChatResponseFormat.CreateTextFormat(),
            ChatResponseFormatJson { Schema: { } schema } json => OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
            ChatResponseFormatJson => OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        };
        return result;
    }

    private static IEnumerable<AIContent> TextAndToolCalls(string text, ChatCompletion completion)
    {
        if (text.Length > 0 || completion.ToolCalls.Count == 0)
        {
            yield return new TextContent(text);
        }
        foreach (var call in completion.ToolCalls.Where(call => call.Kind == ChatToolCallKind.Function))
        {
            Dictionary<string, object?>? arguments;
            Exception? problem = null;
            try
            {
                arguments = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(call.FunctionArguments.ToString());
            }
            catch (System.Text.Json.JsonException exception)
            {
                // A model can emit broken JSON; the call is still reported, with the reason, for the caller to refuse.
                arguments = null;
                problem = new InvalidDataException($"The model's arguments for {call.FunctionName} are not valid JSON.", exception);
            }
            yield return new FunctionCallContent(call.Id, call.FunctionName, arguments) { Exception = problem };
        }
    }

    private static MeaiFinishReason ToFinishReason(OpenAIFinishReason reason) => reason switch
    {
        OpenAIFinishReason.Stop => MeaiFinishReason.Stop,
        OpenAIFinishReason.Length => MeaiFinishReason.Length,
        OpenAIFinishReason.ContentFilter => MeaiFinishReason.ContentFilter,
        OpenAIFinishReason.ToolCalls or OpenAIFinishReason.FunctionCall => MeaiFinishReason.ToolCalls,
        _ => new MeaiFinishReason(reason.ToString()),
    };

    private static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
        ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
    };
}
