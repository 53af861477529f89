using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Proxy;

public sealed class DnsDestinationTests
{
    [Fact]
    public async Task A_destination_named_by_host_name_is_resolved_and_served_when_dns_destinations_are_on()
    {
        await using var replica = await FakeReplica.StartAsync("replica-by-name");
        var port = new Uri(replica.Address).Port;
        var byName = $"http://localhost:{port}";
        await using var gateway = new GatewayFactory(byName, byName, byName);
        gateway.Settings["Gateway:DnsDestinations:Enabled"] = "true";
        gateway.Settings["Gateway:DnsDestinations:IPv4Only"] = "true";
        gateway.Start();
        using var client = gateway.CreateCookielessClient();

        var served = await client.GetStringAsync("/conversations", TestContext.Current.CancellationToken);
        var health = await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        // One destination per resolved address, named after the configured one: the name was resolved by the gateway.
        Assert.Equal("replica-by-name", served);
        Assert.Contains("\"destination\":\"replica1[127.0.0.1]\"", health);
        Assert.Contains(replica.Traffic, request => request.Path == "/conversations");
    }

    [Fact]
    public async Task Destinations_are_used_as_configured_when_dns_destinations_are_off()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();

        var health = await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Contains("\"destination\":\"replica1\"", health);
        Assert.DoesNotContain("[127.0.0.1]", health);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
