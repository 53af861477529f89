using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Turns a reply that arrived with a success status but cannot be used into <see cref="InvalidDataException"/>, so the
/// retry layer retries it and the fallback layer answers instead, rather than it being taken for an empty answer: a
/// body that is not a chat completion, a completion without choices, a stream that ends without a finish reason (not a
/// chat stream, no choices, or cut off). Transport and HTTP status failures pass through unchanged.
/// </summary>
public sealed class ReplyValidatingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (IsUnreadableBody(exception))
        {
            throw new InvalidDataException("The chat completion response could not be read.", exception);
        }
        // The adapter reports a completion without choices as a reply with no content and no finish reason.
        if (response.FinishReason is null && !response.Messages.SelectMany(message => message.Contents).Any(IsAnswer))
        {
            throw new InvalidDataException("The chat completion response contained no usable choice.");
        }
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var finished = false;
        await using (var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
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
                finished |= updates.Current.FinishReason is not null;
                yield return updates.Current;
            }
        }
        // Every well-formed stream ends its choice with a finish reason; the text so far is not a complete answer.
        if (!finished)
        {
            throw new InvalidDataException("The chat completion stream ended without a finish reason.");
        }
    }

    private static bool IsAnswer(AIContent content) => content is TextContent { Text.Length: > 0 } or FunctionCallContent;

    // Not JSON throws JsonException; JSON of the wrong shape throws InvalidOperationException or FormatException from
    // JsonElement, or an index error where the SDK reads a first choice that is not there. Matching on the throwing
    // assembly keeps a transport InvalidOperationException out of this bucket.
    private static bool IsUnreadableBody(Exception exception) =>
        exception is JsonException or ArgumentOutOfRangeException
        || exception.TargetSite?.DeclaringType?.Assembly == typeof(JsonElement).Assembly;
}
