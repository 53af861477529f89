using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.RateLimits;

public sealed class PerUserRateLimitTests
{
    private static void ThreePerMinute(Dictionary<string, string?> settings)
    {
        settings["Gateway:RateLimits:PermitLimit"] = "3";
        settings["Gateway:RateLimits:WindowSeconds"] = "60";
    }

    [Fact]
    public async Task Past_the_limit_a_user_gets_429_problem_details_with_retry_after_and_another_user_does_not()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(ThreePerMinute);
        await using var _ = gateway;
        using var alice = SignedIn(gateway, "alice-session");
        using var bob = SignedIn(gateway, "bob-session");
        var cancel = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/conversations", cancel)).StatusCode);
        }
        var refused = await alice.GetAsync("/conversations", cancel);
        var bobs = await bob.GetAsync("/conversations", cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains("More than 3 requests in 60 s", problem.GetProperty("detail").GetString());
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
        // The refused request never reached a replica.
        Assert.Equal(4, replicas.Sum(replica => replica.Traffic.Count));
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_address_and_the_gateways_own_endpoints_are_not_limited()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(ThreePerMinute);
        await using var _ = gateway;
        using var anonymous = gateway.CreateCookielessClient();
        var cancel = TestContext.Current.CancellationToken;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await anonymous.GetAsync("/", cancel)).StatusCode);
        }
        var health = await anonymous.GetAsync("/healthz", cancel);
        var metrics = await anonymous.GetAsync("/metrics", cancel);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bearer_token_callers_are_limited_per_token()
    {
        var (gateway, replicas) = await GatewayFactory.StartWithReplicasAsync(ThreePerMinute);
        await using var _ = gateway;
        using var first = gateway.CreateCookielessClient();
        using var second = gateway.CreateCookielessClient();
        first.DefaultRequestHeaders.Authorization = new("Bearer", "token-one");
        second.DefaultRequestHeaders.Authorization = new("Bearer", "token-two");
        var cancel = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            await first.GetAsync("/api/conversations", cancel);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/api/conversations", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/conversations", cancel)).StatusCode);
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    private static HttpClient SignedIn(GatewayFactory gateway, string authCookie)
    {
        var cookies = new CookieContainer();
        cookies.Add(gateway.Address, new Cookie("assistant.auth", authCookie));
        return gateway.CreateBrowserClient(cookies);
    }
}
