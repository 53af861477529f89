using Assistant.Gateway.Monitoring;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Assistant.Gateway.Retries;

/// <summary>
/// Sends a GET, HEAD or OPTIONS request again, to a replica not tried yet, when an attempt failed before the replica
/// answered (refused or reset connection: YARP's <see cref="ForwarderError.Request"/>) and nothing has reached the
/// client yet. YARP 2.3 has no retry of its own, so this wraps the rest of its proxy pipeline and runs it again.
/// Never for other methods: a POST the replica may have received must not run twice (an action, a message).
/// Never after a timeout either: the replica may still be working on it, and waiting twice doubles the latency.
/// </summary>
public sealed class IdempotentRetryMiddleware(RequestDelegate next, IOptionsMonitor<RetryOptions> options, GatewayMetrics metrics, ILogger<IdempotentRetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        // A body is read once; a GET that carries one cannot be sent again.
        if (!settings.Enabled || !IsIdempotent(context.Request.Method) || context.WebSockets.IsWebSocketRequest
            || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            await next(context);
            return;
        }

        var proxy = context.GetReverseProxyFeature();
        // Affinity narrows AvailableDestinations to the affine replica; a retry picks again among all healthy ones.
        var candidates = proxy.AvailableDestinations;
        var tried = new List<DestinationState>();
        var itemsBefore = context.Items.Keys.ToHashSet();
        for (var attempt = 0; ; attempt++)
        {
            await next(context);
            if (!ShouldRetry(context) || attempt >= settings.MaxRetries || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }
            tried.Add(failed);
            var remaining = candidates.Where(destination => !tried.Contains(destination)).ToList();
            if (remaining.Count == 0)
            {
                return;
            }
            logger.LogWarning("{Method} {Path} failed on replica {Destination} before it answered; retrying on another replica",
                context.Request.Method, context.Request.Path, failed.DestinationId);
            metrics.Retried(failed.DestinationId);
            // Back to a clean slate: YARP set 502 and its error feature, and both would stick to the next attempt.
            context.Response.Clear();
            context.Features.Set<IForwarderErrorFeature>(null);
            proxy.AvailableDestinations = remaining;
            proxy.ProxiedDestination = null;
            // What the failed attempt left in Items goes too: affinity records there that the request's cookie matched
            // a replica, and with that mark it would not give the client a cookie for the replica that now answers.
            foreach (var key in context.Items.Keys.Where(key => !itemsBefore.Contains(key)).ToList())
            {
                context.Items.Remove(key);
            }
        }
    }

    private static bool IsIdempotent(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool ShouldRetry(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request }
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested;
}
