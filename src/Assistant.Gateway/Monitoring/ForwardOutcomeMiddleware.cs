using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Assistant.Gateway.Monitoring;

/// <summary>Counts each attempt on a replica with its outcome; innermost in the proxy pipeline, so retries count too.</summary>
public sealed class ForwardOutcomeMiddleware(RequestDelegate next, GatewayMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetReverseProxyFeature().ProxiedDestination is { } destination)
        {
            var error = context.Features.Get<IForwarderErrorFeature>()?.Error ?? ForwarderError.None;
            metrics.Attempted(destination.DestinationId, error.ToString());
        }
    }
}
