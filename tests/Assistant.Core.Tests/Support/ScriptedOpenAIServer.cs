using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks the OpenAI wire format for the endpoints a test scripts. It stands in
/// for the model only; the client side is the official SDK, unmodified.
/// </summary>
public sealed class ScriptedOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedOpenAIServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");

    /// <summary>Serves /v1/embeddings with a deterministic vector per input: its length and letter counts.</summary>
    public static async Task<ScriptedOpenAIServer> StartEmbeddingsAsync(int dimensions = 8)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAIServer(app);
        app.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            server.Requests.Enqueue(body);
            var inputs = body["input"] is JsonArray array ? array.Select(node => node!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
            var data = inputs.Select((input, index) => new
            {
                @object = "embedding",
                index,
                embedding = Enumerable.Range(0, dimensions).Select(d => (float)input.Count(c => char.ToLowerInvariant(c) == (char)('a' + d)) + 0.01f).ToArray(),
            });
            return Results.Json(new { @object = "list", data, model = body["model"]!.GetValue<string>(), usage = new { prompt_tokens = inputs.Count * 3, total_tokens = inputs.Count * 3 } });
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
