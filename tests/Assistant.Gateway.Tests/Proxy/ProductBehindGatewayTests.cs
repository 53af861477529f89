using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Assistant.Gateway.Tests.Support;

namespace Assistant.Gateway.Tests.Proxy;

/// <summary>
/// Two real Assistant.Web replicas (each its own process, data folder and a one-article knowledge folder, hashing
/// embeddings so start-up is quick) behind the real gateway: health from the product's own /api/health, pages, and
/// Blazor circuits whose negotiate request and WebSocket must meet on the same replica.
/// </summary>
public sealed class ProductBehindGatewayTests : IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private readonly List<AppProcess> _replicas = [];

    public async ValueTask InitializeAsync()
    {
        var starts = Enumerable.Range(0, 2).Select(_ => StartReplicaAsync()).ToList();
        _replicas.AddRange(await Task.WhenAll(starts));
    }

    [Fact]
    public async Task Browsers_open_blazor_circuits_through_the_gateway_and_still_do_after_a_replica_is_killed()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var gateway = new GatewayFactory(_replicas[0].Address.ToString(), _replicas[1].Address.ToString(), _replicas[1].Address.ToString());
        gateway.Start();
        using var probe = gateway.CreateCookielessClient();
        // The product answers "ingesting" until its start-up ingest is done; the gateway waits for "ready".
        await Eventually.HoldsAsync(async () => await GatewayHealth.IsAvailableAsync(probe, "replica1") && await GatewayHealth.IsAvailableAsync(probe, "replica2"),
            TimeSpan.FromSeconds(60), "both product replicas ready");
        var health = await probe.GetFromJsonAsync<JsonElement>("/api/health", cancel);
        Assert.Equal("ready", health.GetProperty("status").GetString());

        // Without affinity each circuit would find its negotiated connection on the other replica half the time.
        for (var i = 0; i < 6; i++)
        {
            await OpenCircuitAsync(gateway, cancel);
        }

        await _replicas[0].DisposeAsync();
        for (var i = 0; i < 4; i++)
        {
            await OpenCircuitAsync(gateway, cancel);
        }
    }

    [Fact]
    public async Task Signed_in_api_clients_get_answers_streamed_as_server_sent_events_through_the_gateway()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var gateway = new GatewayFactory(_replicas[0].Address.ToString(), _replicas[1].Address.ToString(), _replicas[1].Address.ToString());
        gateway.Start();
        using var probe = gateway.CreateCookielessClient();
        await Eventually.HoldsAsync(async () => await GatewayHealth.IsAvailableAsync(probe, "replica1") && await GatewayHealth.IsAvailableAsync(probe, "replica2"),
            TimeSpan.FromSeconds(60), "both product replicas ready");

        // The token, the conversation and the stream must meet on one replica (nothing is shared between replicas
        // yet): an API client that keeps the affinity cookie gets that, six times in a row.
        for (var i = 0; i < 6; i++)
        {
            using var client = gateway.CreateBrowserClient();
            var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "alice", password = "alice-demo" }, cancel);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("accessToken").GetString());
            var created = await client.PostAsync("/api/conversations", null, cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetString();

            using var ask = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{id}/messages") { Content = JsonContent.Create(new { content = "How long do refunds take?" }) };
            ask.Headers.Accept.ParseAdd("text/event-stream");
            using var stream = await client.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead, cancel);

            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            var events = await stream.Content.ReadAsStringAsync(cancel);
            Assert.Contains("event: answer", events);
        }
    }

    /// <summary>Loads the home page, then negotiates and opens the circuit's WebSocket as blazor.web.js does.</summary>
    private static async Task OpenCircuitAsync(GatewayFactory gateway, CancellationToken cancel)
    {
        var cookies = new CookieContainer();
        using var browser = gateway.CreateBrowserClient(cookies);
        var page = await browser.GetStringAsync("/", cancel);
        Assert.Contains("_framework/blazor.web.js", page);
        Assert.NotNull(cookies.GetCookies(gateway.Address)["assistant.affinity"]);

        var negotiate = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, cancel);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(new Uri($"ws://{gateway.Address.Authority}/_blazor?id={token}"), cancel);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, cancel);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, cancel);
        // SignalR's handshake answer: "{}" and the record separator when the hub accepted the connection.
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, received.Count));
    }

    private async Task<AppProcess> StartReplicaAsync()
    {
        var data = NewFolder("gateway-product-data-");
        var knowledge = NewFolder("gateway-product-knowledge-");
        await File.WriteAllTextAsync(Path.Combine(knowledge, "refunds.md"), "# Refunds\n\nRefunds are paid back to the original card within 5 business days.\n");
        return await AppProcess.StartAsync("Assistant.Web",
        [
            $"--Assistant:DataDirectory={data}",
            $"--Assistant:KnowledgeDirectory={knowledge}",
            "--Assistant:Embeddings:Provider=Hashing",
        ], TimeSpan.FromSeconds(120));
    }

    private string NewFolder(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        _folders.Add(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A replica killed mid-write may hold a file a moment longer; the temp folder is cleaned by the OS.
            }
        }
    }
}
