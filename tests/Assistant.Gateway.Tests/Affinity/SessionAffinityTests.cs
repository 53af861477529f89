using System.Net;
using System.Net.WebSockets;
using System.Text;
using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Affinity;

public sealed class SessionAffinityTests
{
    [Fact]
    public async Task A_browser_stays_on_one_replica_for_pages_streams_negotiation_and_the_circuit()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        var cookies = new CookieContainer();
        using var browser = gateway.CreateBrowserClient(cookies);
        var cancel = TestContext.Current.CancellationToken;

        var first = await browser.GetStringAsync("/", cancel);
        var served = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            served.Add(await browser.GetStringAsync("/chat", cancel));
        }
        var stream = await browser.GetStringAsync("/sse", cancel);
        var negotiate = await (await browser.PostAsync("/_blazor/negotiate", null, cancel)).Content.ReadAsStringAsync(cancel);
        var circuit = await ReceiveCircuitGreetingAsync(gateway, cookies, cancel);

        Assert.All(served, name => Assert.Equal(first, name));
        Assert.Contains($"data: {first} 2", stream);
        Assert.Equal(first, negotiate);
        Assert.Equal(first, circuit);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_the_affine_replica_dies_the_browser_moves_to_another_and_stays_there()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        var cookies = new CookieContainer();
        using var browser = gateway.CreateBrowserClient(cookies);
        var cancel = TestContext.Current.CancellationToken;
        var first = await browser.GetStringAsync("/", cancel);

        await replicas.Single(replica => replica.Name == first).StopAsync();
        // At once, before any probe noticed: the GET is retried elsewhere rather than failing.
        var moved = await browser.GetStringAsync("/", cancel);
        var afterwards = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            afterwards.Add(await browser.GetStringAsync("/chat", cancel));
        }
        // And a new circuit opens on the new replica.
        var circuit = await ReceiveCircuitGreetingAsync(gateway, cookies, cancel);

        Assert.NotEqual(first, moved);
        Assert.All(afterwards, name => Assert.Equal(moved, name));
        Assert.Equal(moved, circuit);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_circuit_opened_after_its_replica_was_taken_out_goes_to_another_replica()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        var cookies = new CookieContainer();
        using var browser = gateway.CreateBrowserClient(cookies);
        var cancel = TestContext.Current.CancellationToken;
        var first = await browser.GetStringAsync("/", cancel);

        await replicas.Single(replica => replica.Name == first).StopAsync();
        using var probe = gateway.CreateCookielessClient();
        await Eventually.HoldsAsync(async () => !await GatewayHealth.IsAvailableAsync(probe, first), TimeSpan.FromSeconds(5), $"{first} taken out");
        // WebSockets are never retried; once the replica is out, affinity lets go of it and the circuit opens elsewhere.
        var circuit = await ReceiveCircuitGreetingAsync(gateway, cookies, cancel);

        Assert.NotEqual(first, circuit);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    private static async Task<string> ReceiveCircuitGreetingAsync(GatewayFactory gateway, CookieContainer cookies, CancellationToken cancel)
    {
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(new Uri($"ws://{gateway.Address.Authority}/_blazor?id=circuit"), cancel);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, cancel);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}
