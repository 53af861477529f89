using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.RequestIds;

public sealed class GatewayLogTests
{
    [Fact]
    public async Task The_gateway_logs_json_lines_that_carry_the_request_id_and_trace_id()
    {
        await using var replica = await FakeReplica.StartAsync("replica1");
        await using var gateway = await AppProcess.StartAsync("Assistant.Gateway",
        [
            $"--ReverseProxy:Clusters:assistant:Destinations:replica1:Address={replica.Address}",
            $"--ReverseProxy:Clusters:assistant:Destinations:replica2:Address={replica.Address}",
            $"--ReverseProxy:Clusters:assistant:Destinations:replica3:Address={replica.Address}",
            // "Proxying to ..." is logged at Information: one line per request to look for.
            "--Logging:LogLevel:Yarp.ReverseProxy.Forwarder=Information",
        ], TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = gateway.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/chat");
        request.Headers.Add("X-Request-Id", "log-join-4711");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        var proxied = await gateway.WaitForLogAsync(entry => AppProcess.Message(entry).StartsWith("Proxying to", StringComparison.Ordinal)
            && entry.GetProperty("Scopes").EnumerateArray().Any(scope => scope.ValueKind == System.Text.Json.JsonValueKind.Object
                && scope.TryGetProperty("X-Request-Id", out var id) && id.GetString() == "log-join-4711"),
            TimeSpan.FromSeconds(10), "a 'Proxying to' line with the request id in its scope");
        Assert.Contains(proxied.GetProperty("Scopes").EnumerateArray(), scope => scope.ValueKind == System.Text.Json.JsonValueKind.Object
            && scope.TryGetProperty("TraceId", out var trace) && trace.GetString() == "4bf92f3577b34da6a3ce929d0e0e4736");
        Assert.All(gateway.Lines.Where(line => line.Length > 0), line => Assert.NotNull(AppProcess.TryParse(line)));
    }
}
