using System.Diagnostics.Metrics;
using Yarp.ReverseProxy;

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
        meter.CreateObservableGauge("assistant.gateway.destination.available", () => DestinationAvailability(proxy),
            description: "1 while the replica receives traffic (not unhealthy by active or passive checks), 0 otherwise.");
    }

    public void Attempted(string destination, string error) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("destination", destination), new KeyValuePair<string, object?>("error", error));

    public void Retried(string destination) => _retries.Add(1, new KeyValuePair<string, object?>("destination", destination));

    private static IEnumerable<Measurement<int>> DestinationAvailability(IProxyStateLookup proxy)
    {
        foreach (var cluster in proxy.GetClusters())
        {
            var available = cluster.DestinationsState.AvailableDestinations;
            foreach (var destination in cluster.DestinationsState.AllDestinations)
            {
                yield return new Measurement<int>(available.Contains(destination) ? 1 : 0,
                    new KeyValuePair<string, object?>("cluster", cluster.ClusterId), new KeyValuePair<string, object?>("destination", destination.DestinationId));
            }
        }
    }
}
