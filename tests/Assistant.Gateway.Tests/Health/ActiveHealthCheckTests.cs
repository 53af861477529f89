using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Health;

public sealed class ActiveHealthCheckTests
{
    [Fact]
    public async Task A_stopped_replica_stops_receiving_traffic_within_5_seconds_without_any_requests_failing_on_it()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();
        await Eventually.HoldsAsync(() => GatewayHealth.IsAvailableAsync(client, "replica2"), TimeSpan.FromSeconds(5), "replica2 probed healthy");

        await replicas[1].StopAsync();
        // No traffic meanwhile: only the active probes can notice (passive checks need failing requests).
        var took = await Eventually.HoldsAsync(async () => !await GatewayHealth.IsAvailableAsync(client, "replica2"), TimeSpan.FromSeconds(10), "replica2 taken out");

        Assert.True(took < TimeSpan.FromSeconds(5), $"replica2 was taken out after {took.TotalSeconds:F1} s");
        for (var i = 0; i < 30; i++)
        {
            Assert.NotEqual("replica2", await client.GetStringAsync("/conversations", TestContext.Current.CancellationToken));
        }
        await replicas[0].DisposeAsync();
        await replicas[1].DisposeAsync();
        await replicas[2].DisposeAsync();
    }

    [Fact]
    public async Task A_replica_whose_health_probe_hangs_is_taken_out_within_5_seconds()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();
        await Eventually.HoldsAsync(() => GatewayHealth.IsAvailableAsync(client, "replica3"), TimeSpan.FromSeconds(5), "replica3 probed healthy");

        replicas[2].Status = "hang";
        var took = await Eventually.HoldsAsync(async () => !await GatewayHealth.IsAvailableAsync(client, "replica3"), TimeSpan.FromSeconds(10), "replica3 taken out");

        Assert.True(took < TimeSpan.FromSeconds(5), $"replica3 was taken out after {took.TotalSeconds:F1} s");
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task Transport_failures_of_real_traffic_take_a_replica_out_until_the_reactivation_period_ends()
    {
        // Active checks off: only the passive policy (TransportFailureRate) can take the failing replica out.
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(settings =>
        {
            settings["ReverseProxy:Clusters:assistant:HealthCheck:Active:Enabled"] = "false";
            settings["Gateway:Retries:Enabled"] = "false";
            settings["ReverseProxy:Clusters:assistant:HealthCheck:Passive:ReactivationPeriod"] = "00:00:02";
            settings["Gateway:PassiveHealth:DetectionWindowSize"] = "00:00:02";
        });
        await using var _ = gateway;
        replicas[0].AbortRequests = true;
        using var client = gateway.CreateCookielessClient();

        await Eventually.HoldsAsync(async () =>
        {
            await client.GetAsync("/conversations", TestContext.Current.CancellationToken);
            return !await GatewayHealth.IsAvailableAsync(client, "replica1");
        }, TimeSpan.FromSeconds(10), "replica1 taken out by its failures");

        var before = replicas[0].Traffic.Count;
        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual("replica1", await client.GetStringAsync("/conversations", TestContext.Current.CancellationToken));
        }
        Assert.Equal(before, replicas[0].Traffic.Count);

        // Once it works again, the reactivation period (2 s here, at least the detection window) brings it back.
        replicas[0].AbortRequests = false;
        await Eventually.HoldsAsync(() => GatewayHealth.IsAvailableAsync(client, "replica1"), TimeSpan.FromSeconds(10), "replica1 reactivated");
        await Eventually.HoldsAsync(async () => await client.GetStringAsync("/conversations", TestContext.Current.CancellationToken) == "replica1",
            TimeSpan.FromSeconds(10), "replica1 serves again");
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
