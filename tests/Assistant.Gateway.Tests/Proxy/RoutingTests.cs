using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Proxy;

public sealed class RoutingTests
{
    [Fact]
    public async Task Requests_without_affinity_reach_every_healthy_replica()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();

        var served = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            served.Add(await client.GetStringAsync("/conversations", TestContext.Current.CancellationToken));
        }

        Assert.Equal(["replica1", "replica2", "replica3"], served.Distinct().Order());
        Assert.All(replicas, replica => Assert.Contains(replica.Traffic, request => request.Path == "/conversations"));
        await DisposeAllAsync(replicas);
    }

    [Fact]
    public async Task A_replica_that_is_still_ingesting_receives_no_traffic()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        replicas[2].Status = "ingesting";
        using var client = gateway.CreateCookielessClient();

        await Eventually.HoldsAsync(async () => !await GatewayHealth.IsAvailableAsync(client, "replica3"), TimeSpan.FromSeconds(5), "replica3 taken out while ingesting");
        var before = replicas[2].Traffic.Count;
        for (var i = 0; i < 30; i++)
        {
            Assert.NotEqual("replica3", await client.GetStringAsync("/search", TestContext.Current.CancellationToken));
        }
        Assert.Equal(before, replicas[2].Traffic.Count);

        replicas[2].Status = "ready";
        await Eventually.HoldsAsync(() => GatewayHealth.IsAvailableAsync(client, "replica3"), TimeSpan.FromSeconds(5), "replica3 back once ready");
        await DisposeAllAsync(replicas);
    }

    [Fact]
    public async Task Gateway_health_and_metrics_are_answered_by_the_gateway_not_proxied()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();

        var health = await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);
        var metrics = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("\"status\":\"ok\"", health);
        Assert.True(metrics.IsSuccessStatusCode);
        Assert.All(replicas, replica => Assert.DoesNotContain(replica.Traffic, request => request.Path is "/healthz" or "/metrics"));
        await DisposeAllAsync(replicas);
    }

    private static async Task DisposeAllAsync(IEnumerable<FakeReplica> replicas)
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
