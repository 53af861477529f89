using System.Net;
using System.Net.Sockets;
using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Retries;

/// <summary>
/// Health checks are off here so that the failing replica keeps being chosen, and FirstAlphabetical load balancing
/// sends every first attempt to replica1: what these tests see is the retry alone.
/// </summary>
public sealed class IdempotentRetryTests
{
    private static void FirstAttemptOnReplica1(Dictionary<string, string?> settings)
    {
        settings["ReverseProxy:Clusters:assistant:HealthCheck:Active:Enabled"] = "false";
        settings["ReverseProxy:Clusters:assistant:HealthCheck:Passive:Enabled"] = "false";
        settings["ReverseProxy:Clusters:assistant:SessionAffinity:Enabled"] = "false";
        settings["ReverseProxy:Clusters:assistant:LoadBalancingPolicy"] = "FirstAlphabetical";
    }

    [Fact]
    public async Task A_get_refused_by_one_replica_is_answered_by_another()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(settings =>
        {
            FirstAttemptOnReplica1(settings);
            settings["ReverseProxy:Clusters:assistant:Destinations:replica1:Address"] = $"http://127.0.0.1:{ClosedPort()}";
        });
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();

        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync("/conversations", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("replica2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_post_refused_at_connect_is_sent_once_to_another_replica_with_its_body_whole()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(settings =>
        {
            FirstAttemptOnReplica1(settings);
            settings["ReverseProxy:Clusters:assistant:Destinations:replica1:Address"] = $"http://127.0.0.1:{ClosedPort()}";
        });
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();
        var body = "{\"content\":\"" + new string('x', 100_000) + "\"}";

        var response = await client.PostAsync("/echo", new StringContent(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("replica2:" + body, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, replicas.SelectMany(replica => replica.Traffic).Count(request => request.Method == "POST"));
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_get_whose_connection_is_dropped_is_retried_but_a_post_reaches_a_replica_at_most_once()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(FirstAttemptOnReplica1);
        await using var _ = gateway;
        replicas[0].AbortRequests = true;
        using var client = gateway.CreateCookielessClient();
        var cancel = TestContext.Current.CancellationToken;

        var get = await client.GetAsync("/actions/42", cancel);
        var post = await client.PostAsync("/actions/42/approve", new StringContent("{}"), cancel);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("replica2", await get.Content.ReadAsStringAsync(cancel));
        Assert.Equal(HttpStatusCode.BadGateway, post.StatusCode);
        var posts = replicas.SelectMany(replica => replica.Traffic).Count(request => request.Method == "POST");
        Assert.Equal(1, posts);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_get_with_a_body_is_not_retried_since_its_body_was_already_sent()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(FirstAttemptOnReplica1);
        await using var _ = gateway;
        replicas[0].AbortRequests = true;
        using var client = gateway.CreateCookielessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search") { Content = new StringContent("{\"query\":\"refunds\"}") };

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(replicas[1].Traffic.Concat(replicas[2].Traffic));
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    /// <summary>A port nothing listens on: bound, read and released, so a connection to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
