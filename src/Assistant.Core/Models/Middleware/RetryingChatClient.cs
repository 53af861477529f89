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
        var (enumerator, first) = await _pipeline.ExecuteAsync(async token =>
        {
            var stream = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                // The timeout token bounds the wait for the first update (connection and time to first token).
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
                var hasFirst = await stream.MoveNextAsync().AsTask().WaitAsync(linked.Token);
                return (stream, hasFirst ? stream.Current : null);
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }, cancellationToken);

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
