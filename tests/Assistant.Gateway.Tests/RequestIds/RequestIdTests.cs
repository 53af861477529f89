using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.RequestIds;

public sealed class RequestIdTests
{
    [Fact]
    public async Task A_request_without_an_id_gets_one_that_the_replica_and_the_client_both_see()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();

        var response = await client.GetAsync("/chat", TestContext.Current.CancellationToken);

        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        var seen = Assert.Single(replicas.SelectMany(replica => replica.Traffic));
        Assert.Equal(id, seen.RequestId);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_callers_request_id_and_traceparent_reach_the_replica_untouched()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/chat");
        request.Headers.Add("X-Request-Id", "support-ticket-4711");
        request.Headers.Add("traceparent", traceParent);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("support-ticket-4711", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var seen = Assert.Single(replicas.SelectMany(replica => replica.Traffic));
        Assert.Equal("support-ticket-4711", seen.RequestId);
        Assert.Equal(traceParent, seen.TraceParent);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_request_id_that_could_forge_log_lines_is_replaced()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync();
        await using var _ = gateway;
        using var client = gateway.CreateCookielessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/chat");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "x\" level=admin {forged}");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, Assert.Single(replicas.SelectMany(replica => replica.Traffic)).RequestId);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
