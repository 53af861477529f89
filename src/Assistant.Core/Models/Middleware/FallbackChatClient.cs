using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// When the model fails for good (after retries), answers with the fallback generator instead and says so in a
/// notice, so a model outage degrades answers rather than failing them. If a stream breaks part-way, a reset update
/// tells the consumer to discard the partial text before the fallback's text follows.
/// </summary>
public sealed class FallbackChatClient(IChatClient inner, IChatClient fallback, ILogger logger) : DelegatingChatClient(inner)
{
    public const string ResetKey = "assistant.reset";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        try
        {
            return await base.GetResponseAsync(list, options, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var response = await fallback.GetResponseAsync(list, options, cancellationToken);
            response.AdditionalProperties ??= [];
            response.AdditionalProperties[ModelNotices.Key] = Notice(exception);
            return response;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var yielded = false;
        Exception? failure = null;
        await using (var stream = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await stream.MoveNextAsync())
                    {
                        break;
                    }
                    update = stream.Current;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = exception;
                    break;
                }
                yielded = true;
                yield return update;
            }
        }
        if (failure is null)
        {
            yield break;
        }

        var notice = Notice(failure);
        var first = true;
        await foreach (var update in fallback.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            if (first)
            {
                update.AdditionalProperties ??= [];
                update.AdditionalProperties[ModelNotices.Key] = notice;
                if (yielded)
                {
                    update.AdditionalProperties[ResetKey] = true;
                }
                first = false;
            }
            yield return update;
        }
    }

    private string Notice(Exception exception)
    {
        var cause = exception switch
        {
            ClientResultException { Status: 429 } => "is rate-limited",
            ClientResultException { Status: >= 500 } result => $"returned an error (HTTP {result.Status})",
            ClientResultException { Status: > 0 } result => $"refused the request (HTTP {result.Status})",
            Polly.Timeout.TimeoutRejectedException or TimeoutException or TaskCanceledException => "did not answer in time",
            _ => "sent a reply that could not be read",
        };
        logger.LogWarning(exception, "The model {Cause}; answering with the extractive generator", cause);
        return $"The language model {cause}, so this answer was extracted directly from the knowledge base.";
    }
}
