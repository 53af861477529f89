using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Gateway.Tests.Support;

/// <summary>
/// A stand-in for an Assistant.Web replica: a real Kestrel server on 127.0.0.1 with a dynamic port, answering
/// /api/health like the product ({"status": ...}), naming itself on every other GET, streaming server-sent events,
/// accepting a /_blazor WebSocket, and recording every request it received.
/// </summary>
public sealed class FakeReplica : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private FakeReplica(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Address { get; private set; } = "";

    /// <summary>What /api/health reports: "ready", "ingesting" or "degraded"; "hang" never answers.</summary>
    public string Status { get; set; } = "ready";

    /// <summary>When set, the replica records a non-health request and then drops the connection without answering.</summary>
    public bool AbortRequests { get; set; }

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>Requests other than health probes.</summary>
    public IReadOnlyList<SeenRequest> Traffic => Seen.Where(request => request.Path != "/api/health").ToList();

    public static async Task<FakeReplica> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var replica = new FakeReplica(name, app);
        replica.Map();
        await app.StartAsync();
        replica.Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return replica;
    }

    private void Map()
    {
        _app.UseWebSockets();
        _app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers;
            Seen.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path, headers["X-Request-Id"].FirstOrDefault(), headers["traceparent"].FirstOrDefault()));
            if (AbortRequests && context.Request.Path != "/api/health")
            {
                context.Abort();
                return;
            }
            await next(context);
        });
        _app.MapGet("/api/health", async (CancellationToken cancel) =>
        {
            // A hung replica: the probe gets no answer at all.
            if (Status == "hang")
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            return Results.Json(new { status = Status });
        });
        _app.MapGet("/sse", StreamAsync);
        _app.Map("/_blazor", AcceptCircuitAsync);
        _app.MapPost("/_blazor/negotiate", () => Name);
        _app.MapPost("/echo", async (HttpRequest request) => $"{Name}:{await new StreamReader(request.Body).ReadToEndAsync()}");
        _app.MapPost("/{**path}", () => Name);
        _app.MapGet("/{**path}", () => Name);
    }

    private async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < 3; i++)
        {
            await context.Response.WriteAsync($"data: {Name} {i}\n\n");
            await context.Response.Body.FlushAsync();
        }
    }

    private async Task AcceptCircuitAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes(Name), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    /// <summary>Stops listening, as a killed replica does: new connections are refused.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
