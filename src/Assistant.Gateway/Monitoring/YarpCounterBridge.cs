using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;

namespace Assistant.Gateway.Monitoring;

/// <summary>
/// YARP 2.3 reports its proxy counters (requests started, failed, in flight) only as EventCounters of its
/// "Yarp.ReverseProxy" EventSource, not on a <see cref="Meter"/>; this listener reads them every second and offers
/// the latest values as instruments on the gateway's meter, so they reach /metrics as yarp_proxy_*.
/// </summary>
public sealed class YarpCounterBridge : EventListener
{
    private const string SourceName = "Yarp.ReverseProxy";
    private long _started;
    private long _failed;
    private long _current;

    public YarpCounterBridge(IMeterFactory meters)
    {
        var meter = meters.Create(GatewayMetrics.MeterName);
        meter.CreateObservableCounter("yarp.proxy.requests.started", () => Interlocked.Read(ref _started), description: "Requests YARP started proxying (its requests-started counter).");
        meter.CreateObservableCounter("yarp.proxy.requests.failed", () => Interlocked.Read(ref _failed), description: "Requests YARP failed to proxy (its requests-failed counter).");
        meter.CreateObservableUpDownCounter("yarp.proxy.requests.current", () => Interlocked.Read(ref _current), description: "Requests being proxied now (its current-requests counter).");
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Called from the base constructor for sources that already exist: before our fields are set, so only enable here.
        if (eventSource.Name == SourceName)
        {
            // Counters only: at Critical the per-request Informational events stay off.
            EnableEvents(eventSource, EventLevel.Critical, EventKeywords.None, new Dictionary<string, string?> { ["EventCounterIntervalSec"] = "1" });
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "EventCounters" || eventData.Payload is not [IDictionary<string, object?> counter, ..])
        {
            return;
        }
        if (counter.TryGetValue("Name", out var name) && counter.TryGetValue("Mean", out var mean) && mean is double value)
        {
            switch (name)
            {
                case "requests-started":
                    Interlocked.Exchange(ref _started, (long)value);
                    break;
                case "requests-failed":
                    Interlocked.Exchange(ref _failed, (long)value);
                    break;
                case "current-requests":
                    Interlocked.Exchange(ref _current, (long)value);
                    break;
            }
        }
    }
}
