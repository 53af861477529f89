using Microsoft.AspNetCore.Http.HttpResults;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Assistant.Gateway.Health;

public static class GatewayHealthEndpoint
{
    // Always 200 while the gateway runs: an orchestrator restarting the gateway because replicas are down would only
    // add an outage. Whether replicas can serve is in the body (and in the destination health gauge).
    public static Ok<GatewayStatus> Get(IProxyStateLookup proxy)
    {
        var destinations = new List<DestinationStatus>();
        foreach (var cluster in proxy.GetClusters())
        {
            var available = cluster.DestinationsState.AvailableDestinations;
            foreach (var destination in cluster.DestinationsState.AllDestinations)
            {
                destinations.Add(new DestinationStatus(cluster.ClusterId, destination.DestinationId, destination.Model.Config.Address,
                    destination.Health.Active.ToString(), destination.Health.Passive.ToString(), available.Contains(destination)));
            }
        }
        return TypedResults.Ok(new GatewayStatus("ok", destinations));
    }
}
