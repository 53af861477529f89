using System.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace Assistant.Gateway.Proxy;

/// <summary>
/// YARP's own client, except that a W3C <c>traceparent</c> (and <c>tracestate</c>, <c>baggage</c>) the caller sent
/// reaches the replica byte for byte: YARP's default propagator replaces it with the gateway's span, so the replica's
/// logs would name a parent the caller never saw. Without one, the gateway's trace context is sent as usual, so the
/// replica's logs still join the gateway's.
/// </summary>
public sealed class TraceContextPreservingClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ActivityHeadersPropagator = new PassThroughPropagator(DistributedContextPropagator.Current);
    }
}
