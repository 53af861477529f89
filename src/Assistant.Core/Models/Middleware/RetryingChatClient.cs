using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Bounded retries with exponential backoff (or the server's Retry-After) and a per-attempt timeout, via Polly.
/// A stream is retried only until its first update arrives: after that, text has reached the user and a retry would
/// repeat it, so a later failure goes to the fallback layer instead.
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
        var (enumerator, first, attempt) = await _pipeline.ExecuteAsync(async token =>
        {
            // The stream gets its own token: the attempt's timeout cancels it only until the first update arrives,
            // and it outlives the attempt (Polly recycles its own token sources once an execution ends).
            var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var stream = base.GetStreamingResponseAsync(list, options, attempt.Token).GetAsyncEnumerator(attempt.Token);
            try
            {
                bool hasFirst;
                using (token.Register(attempt.Cancel))
                {
                    hasFirst = await stream.MoveNextAsync();
                }
                return (stream, hasFirst ? stream.Current : null, attempt);
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
            if (first is null)
            {
                yield break;
            }
            yield return first;
            while (await enumerator.MoveNextAsync())
            {
                yield return enumerator.Current;
            }
        }
    }
}
