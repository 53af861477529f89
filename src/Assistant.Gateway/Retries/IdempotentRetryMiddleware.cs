using System.Net.Sockets;
using Assistant.Gateway.Monitoring;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Assistant.Gateway.Retries;

/// <summary>
/// Sends a request again, to a replica not tried yet, when an attempt failed before the replica answered and nothing
/// has reached the client yet. YARP 2.3 has no retry of its own, so this wraps the rest of its proxy pipeline and
/// runs it again. A GET, HEAD or OPTIONS without a body is retried after any failure to send (refused or reset
/// connection: YARP's <see cref="ForwarderError.Request"/>). Any other request (a POST: an action, a message) only
/// when its connection was refused: then the replica never received a byte of it and cannot have acted on it, while
/// after a reset it may have. That covers the seconds between a replica's death and the health check taking it out.
/// Never after a timeout: the replica may still be working on it, and waiting twice doubles the latency.
/// </summary>
public sealed class IdempotentRetryMiddleware(RequestDelegate next, IOptionsMonitor<RetryOptions> options, GatewayMetrics metrics, ILogger<IdempotentRetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }
        // A request whose body may already have gone to a replica is only sent again when it provably never did.
        var onlyIfRefused = !IsIdempotent(context.Request.Method)
            || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

        var proxy = context.GetReverseProxyFeature();
        // Affinity narrows AvailableDestinations to the affine replica; a retry picks again among all healthy ones.
        var candidates = proxy.AvailableDestinations;
        var tried = new List<DestinationState>();
        var itemsBefore = context.Items.Keys.ToHashSet();
        for (var attempt = 0; ; attempt++)
        {
            await next(context);
            if (!ShouldRetry(context, onlyIfRefused) || attempt >= settings.MaxRetries || proxy.ProxiedDestination is not { } failed)
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

    private static bool ShouldRetry(HttpContext context, bool onlyIfRefused) =>
        context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request } error
        && (!onlyIfRefused || WasRefused(error.Exception))
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested;

    // Refused at connect: the request never left the gateway, so its body is still unread and nothing can have acted on it.
    private static bool WasRefused(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }
        return false;
    }
}
