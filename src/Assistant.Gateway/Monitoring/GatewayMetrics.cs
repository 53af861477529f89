using System.Diagnostics.Metrics;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Assistant.Gateway.Monitoring;

/// <summary>The gateway's own instruments (meter "Assistant.Gateway"): per replica, what YARP's counters do not say.</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Assistant.Gateway";

    private readonly Counter<long> _attempts;
    private readonly Counter<long> _retries;

    public GatewayMetrics(IMeterFactory meters, IProxyStateLookup proxy)
    {
        var meter = meters.Create(MeterName);
        _attempts = meter.CreateCounter<long>("assistant.gateway.attempts", description: "Requests sent to a replica, by replica and forwarding error (None when it answered).");
        _retries = meter.CreateCounter<long>("assistant.gateway.retries", description: "Idempotent requests sent again after a replica failed them at transport level, by the replica that failed.");
        meter.CreateObservableGauge("assistant.gateway.destination.healthy", () => HealthOfDestinations(proxy),
            description: "1 while neither the active probe nor passive checks hold the replica unhealthy, 0 otherwise.");
    }

    public void Attempted(string destination, string error) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("error", error));

    public void Retried(string destination) => _retries.Add(1, new KeyValuePair<string, object?>("destination", destination));

    // Health rather than YARP's available set: with HealthyOrPanic every replica is "available" when all are down.
    private static IEnumerable<Measurement<int>> HealthOfDestinations(IProxyStateLookup proxy)
    {
        foreach (var cluster in proxy.GetClusters())
        {
            foreach (var destination in cluster.DestinationsState.AllDestinations)
            {
                var healthy = destination.Health.Active != DestinationHealth.Unhealthy
                    && destination.Health.Passive != DestinationHealth.Unhealthy;
                yield return new Measurement<int>(healthy ? 1 : 0,
                    new KeyValuePair<string, object?>("cluster", cluster.ClusterId), new KeyValuePair<string, object?>("destination", destination.DestinationId));
            }
        }
    }
}
