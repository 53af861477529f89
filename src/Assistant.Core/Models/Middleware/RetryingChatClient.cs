using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Bounded retries with exponential backoff (or the server's Retry-After) and a per-attempt timeout, via Polly.
/// A stream is retried only until its first token arrives: after that, text has reached the user and a retry would
/// repeat it, so a later failure goes to the fallback layer instead. Updates that carry no token (the role-only
/// first chunk, an empty chunk) are held back until then, so a failure after them is still retried.
/// </summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;

    public RetryingChatClient(IChatClient inner, int maxRetries, TimeSpan attemptTimeout, TimeSpan baseDelay) : base(inner)
    {
        var builder = new ResiliencePipelineBuilder();
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = baseDelay,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientModelFailures.IsTransient),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception ? TransientModelFailures.RetryAfter(exception, TimeSpan.FromSeconds(10)) : null),
            });
        }
        _pipeline = builder.AddTimeout(new TimeoutStrategyOptions { Timeout = attemptTimeout }).Build();
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return _pipeline.ExecuteAsync(
            async token => await base.GetResponseAsync(list, options, token), cancellationToken).AsTask();
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (enumerator, held, attempt) = await _pipeline.ExecuteAsync(async token =>
        {
            // The stream gets its own token: the attempt's timeout cancels it only until the first token arrives,
            // and it outlives the attempt (Polly recycles its own token sources once an execution ends).
            var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stream = base.GetStreamingResponseAsync(list, options, attempt.Token).GetAsyncEnumerator(attempt.Token);
            try
            {
                var held = new List<ChatResponseUpdate>();
                using (token.Register(attempt.Cancel))
                {
                    while (await stream.MoveNextAsync())
                    {
                        held.Add(stream.Current);
                        if (IsToken(stream.Current))
                        {
                            break;
                        }
                    }
                }
                return (stream, held, attempt);
            }
            catch
            {
                await stream.DisposeAsync();
                attempt.Dispose();
                throw;
            }
        }, cancellationToken);

        using (attempt)
        await using (enumerator)
        {
            foreach (var update in held)
            {
                yield return update;
            }
            if (held.Count == 0 || !IsToken(held[^1]))
            {
                yield break;
            }
            while (await enumerator.MoveNextAsync())
            {
                yield return enumerator.Current;
            }
        }
    }

    // Text, a tool call or a finish reason: something the consumer acts on, which a retry would repeat.
    private static bool IsToken(ChatResponseUpdate update) =>
        update.FinishReason is not null || update.Contents.Any(content => content is TextContent { Text.Length: > 0 } or FunctionCallContent);
}
