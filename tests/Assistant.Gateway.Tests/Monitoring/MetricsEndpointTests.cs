using System.Text.RegularExpressions;
using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Monitoring;

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_serve_prometheus_text_with_yarp_counters_per_replica_attempts_and_availability()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();
        var cancel = TestContext.Current.CancellationToken;
        for (var i = 0; i < 5; i++)
        {
            await client.GetStringAsync("/chat", cancel);
        }

        // YARP publishes its EventCounters once a second; the bridge shows the latest reading.
        var text = "";
        await Eventually.HoldsAsync(async () =>
        {
            text = await client.GetStringAsync("/metrics", cancel);
            return text.Contains("yarp_proxy_requests_started_total") && !text.Contains("yarp_proxy_requests_started_total{otel_scope_name=\"Assistant.Gateway\"} 0");
        }, TimeSpan.FromSeconds(10), "YARP's requests-started counter on /metrics");

        Assert.Contains("# TYPE yarp_proxy_requests_started_total counter", text);
        Assert.Contains("yarp_proxy_requests_current", text);
        Assert.True(Regex.IsMatch(text, "assistant_gateway_attempts_total\\{[^}]*destination=\"replica[123]\"[^}]*error=\"None\""), text);
        Assert.True(Regex.IsMatch(text, "assistant_gateway_destination_healthy\\{[^}]*destination=\"replica1\"[^}]*\\} 1"), text);
        // The outgoing requests to the replicas, from .NET's own System.Net.Http meter.
        Assert.Contains("http_client_request_duration_seconds", text);

        // A replica the probes take out shows 0 (what the AssistantGatewayReplicaUnhealthy alert watches).
        replicas[2].Status = "ingesting";
        await Eventually.HoldsAsync(async () => Regex.IsMatch(await client.GetStringAsync("/metrics", cancel), "assistant_gateway_destination_healthy\\{[^}]*destination=\"replica3\"[^}]*\\} 0"),
            TimeSpan.FromSeconds(10), "replica3 unhealthy on /metrics");
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
