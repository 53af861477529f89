using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Assistant.Web.Tests.Monitoring;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, metrics and the request's spans go to that collector (here a receiver on 127.0.0.1).</summary>
public sealed class OtlpExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_an_otlp_endpoint_the_requests_spans_and_the_metrics_are_exported_to_it()
    {
        // A bare HttpListener, not ASP.NET Core: its own requests must not show up as spans in what it receives.
        var port = FreePort();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        _ = Task.Run(async () =>
        {
            while (receiver.IsListening)
            {
                var context = await receiver.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }, Cancel);
        await using var server = new MonitoredServer(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within the test's patience, not the default minute.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        await server.StartAsync();
        using var alice = await server.ClientAsync("alice");
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/conversations");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await alice.SendAsync(request, Cancel);
        response.EnsureSuccessStatusCode();
        var traceBytes = Convert.FromHexString(traceId.ToHexString());
        bool Exported() => received.Any(r => r.Path == "/v1/traces" && r.Body.AsSpan().IndexOf(traceBytes) >= 0)
            && received.Any(r => r.Path == "/v1/metrics" && System.Text.Encoding.UTF8.GetString(r.Body).Contains("assistant.index.chunks", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !Exported())
        {
            await Task.Delay(100, Cancel);
        }
        receiver.Stop();

        Assert.True(Exported(), $"Received: {string.Join(", ", received.Select(r => $"{r.Path} ({r.Body.Length} bytes)").Distinct())}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
