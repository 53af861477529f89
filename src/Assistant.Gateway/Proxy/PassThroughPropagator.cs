using System.Diagnostics;

namespace Assistant.Gateway.Proxy;

/// <summary>Injects trace headers only into an outgoing request that does not carry a <c>traceparent</c> yet.</summary>
public sealed class PassThroughPropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    private const string TraceParent = "traceparent";

    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        // YARP copies the client's headers onto the outgoing request before the handler asks us to inject.
        if (carrier is HttpRequestMessage request && request.Headers.Contains(TraceParent))
        {
            return;
        }
        inner.Inject(activity, carrier, setter);
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState) =>
        inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        inner.ExtractBaggage(carrier, getter);
}
