using System.Collections.Concurrent;
using System.Text;
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
/// A real HTTP server on 127.0.0.1 that answers <c>POST /v1/chat/completions</c> in the OpenAI wire format from a queue
/// of scripted replies, one reply per request in arrival order, and records every request body. It stands in for the
/// model only; the client side is the official SDK, unmodified.
/// </summary>
/// <remarks>
/// Replies: <see cref="Text"/> (a JSON completion, or an SSE stream with one delta per word when the request has
/// <c>"stream": true</c>), <see cref="ToolCall"/> (a completion that calls a function, streamed or not), <see cref="Status"/> (an OpenAI-style error), <see cref="Delay"/> (waits, then replies),
/// <see cref="Malformed"/> (success status, unparsable body) and <see cref="Empty"/> (success status, no choices).
/// A request that finds the queue empty gets <see cref="Otherwise"/>'s reply when set, else 501 with a message naming
/// the server, so a missing script is obvious.
/// It also serves <c>POST /v1/embeddings</c> with a deterministic vector per input (counts of the letters a, b, c, ...),
/// so similar texts get similar vectors without a model.
/// </remarks>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private int _completions;

    private ScriptedChatServer(WebApplication app) => _app = app;

    /// <summary>One scripted answer to one request; build with the static factories on <see cref="ScriptedChatServer"/>.</summary>
    public sealed class Reply
    {
        internal Reply(string description, Func<HttpContext, JsonObject, string, Task> write)
        {
            Description = description;
            Write = write;
        }

        /// <summary>What the reply does, for assertion messages.</summary>
        public string Description { get; }

        internal Func<HttpContext, JsonObject, string, Task> Write { get; }

        /// <inheritdoc />
        public override string ToString() => Description;
    }

    /// <summary>The bodies of the requests received so far, in arrival order.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>Builds the reply for a request that finds the queue empty, from its body (to echo what the model was sent).</summary>
    public Func<JsonObject, Reply>? Otherwise { get; set; }

    /// <summary>How many scripted replies have not been used yet.</summary>
    public int PendingReplies => _replies.Count;

    /// <summary>The API base address, ending in <c>/v1</c>, to use as the SDK's endpoint.</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");

    /// <summary>Starts the server with <paramref name="replies"/> queued.</summary>
    public static async Task<ScriptedChatServer> StartAsync(params IEnumerable<Reply> replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedChatServer(app);
        server.Enqueue(replies);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/v1/embeddings", server.EmbedAsync);
        await app.StartAsync();
        return server;
    }

    private const int EmbeddingDimensions = 8;

    private async Task<IResult> EmbedAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        Requests.Enqueue(body);
        var inputs = body["input"] is JsonArray array ? array.Select(node => node!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var data = inputs.Select((input, index) => new
        {
            @object = "embedding",
            index,
            embedding = Enumerable.Range(0, EmbeddingDimensions).Select(d => (float)input.Count(c => char.ToLowerInvariant(c) == (char)('a' + d)) + 0.01f).ToArray(),
        });
        return Results.Json(new { @object = "list", data, model = body["model"]!.GetValue<string>(), usage = new { prompt_tokens = inputs.Count * 3, total_tokens = inputs.Count * 3 } });
    }

    /// <summary>Queues more replies behind the ones not used yet.</summary>
    public void Enqueue(params IEnumerable<Reply> replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>
    /// A successful completion of <paramref name="content"/> with the given usage. Streaming requests get one SSE chunk
    /// per word (the separating space leads the next word, so the deltas concatenate to <paramref name="content"/>), a
    /// chunk with the finish reason, a usage chunk when the request asked for <c>stream_options.include_usage</c>, and
    /// <c>data: [DONE]</c>.
    /// </summary>
    public static Reply Text(string content, int promptTokens, int completionTokens, string finishReason = "stop") =>
        new($"Text({content})", async (context, request, id) =>
        {
            var model = request["model"]?.GetValue<string>() ?? "unknown";
            var usage = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            };
            if (!IsStreaming(request))
            {
                var message = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null };
                var choice = new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = finishReason };
                await WriteJsonAsync(context, 200, Completion(id, model, "chat.completion", [choice], usage));
                return;
            }

            await StartStreamAsync(context);
            await WriteDataAsync(context, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
            var words = content.Length == 0 ? [] : content.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                await WriteDataAsync(context, Chunk(id, model, new JsonObject { ["content"] = i == 0 ? words[i] : " " + words[i] }, null));
            }
            await WriteDataAsync(context, Chunk(id, model, new JsonObject(), finishReason));
            if (request["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
            {
                await WriteDataAsync(context, Completion(id, model, "chat.completion.chunk", [], usage).ToJsonString());
            }
            await WriteDataAsync(context, "[DONE]");
        });

    /// <summary>
    /// A completion whose message calls the function <paramref name="name"/> with <paramref name="argumentsJson"/>
    /// (sent as given, so it may be broken JSON), finish reason "tool_calls". Streaming requests get the call as
    /// OpenAI streams it: a chunk with the call's id and name, the arguments in two fragments, then the finish reason.
    /// </summary>
    public static Reply ToolCall(string name, string argumentsJson) =>
        new($"ToolCall({name}, {argumentsJson})", async (context, request, id) =>
        {
            var model = request["model"]?.GetValue<string>() ?? "unknown";
            if (IsStreaming(request))
            {
                await StartStreamAsync(context);
                var half = argumentsJson.Length / 2;
                JsonObject Fragment(string arguments, bool first) => new()
                {
                    ["tool_calls"] = new JsonArray(first
                        ? new JsonObject { ["index"] = 0, ["id"] = $"call_{id}", ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments } }
                        : new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = arguments } }),
                };
                var opening = Fragment(argumentsJson[..half], first: true);
                opening["role"] = "assistant";
                await WriteDataAsync(context, Chunk(id, model, opening, null));
                await WriteDataAsync(context, Chunk(id, model, Fragment(argumentsJson[half..], first: false), null));
                await WriteDataAsync(context, Chunk(id, model, new JsonObject(), "tool_calls"));
                await WriteDataAsync(context, "[DONE]");
                return;
            }
            var call = new JsonObject
            {
                ["id"] = $"call_{id}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["arguments"] = argumentsJson },
            };
            var message = new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = null, ["tool_calls"] = new JsonArray(call) };
            var choice = new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = "tool_calls" };
            var usage = new JsonObject { ["prompt_tokens"] = 40, ["completion_tokens"] = 12, ["total_tokens"] = 52 };
            await WriteJsonAsync(context, 200, Completion(id, model, "chat.completion", [choice], usage));
        });

    /// <summary>An error status with an OpenAI-style error body, and a <c>Retry-After</c> header when given.</summary>
    public static Reply Status(int code, string? retryAfter = null) =>
        new($"Status({code})", async (context, _, _) =>
        {
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
            var error = new JsonObject
            {
                ["message"] = $"Scripted status {code}.",
                ["type"] = code == 429 ? "rate_limit_exceeded" : code >= 500 ? "server_error" : "invalid_request_error",
                ["param"] = null,
                ["code"] = null,
            };
            await WriteJsonAsync(context, code, new JsonObject { ["error"] = error });
        });

    /// <summary>Waits <paramref name="delay"/> (or until the client gives up), then answers with <paramref name="then"/>.</summary>
    public static Reply Delay(TimeSpan delay, Reply then) =>
        new($"Delay({delay}, {then.Description})", async (context, request, id) =>
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client timed out and hung up; there is nobody left to answer.
                return;
            }
            await then.Write(context, request, id);
        });

    /// <summary>A success status whose body is not JSON at all, streaming or not.</summary>
    public static Reply Malformed() =>
        new("Malformed()", async (context, _, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("<html>this is not a chat completion {\"choices\": [");
        });

    /// <summary>A success status with <c>"choices": []</c>, as one JSON body or as a one-chunk stream.</summary>
    public static Reply Empty() =>
        new("Empty()", async (context, request, id) =>
        {
            var model = request["model"]?.GetValue<string>() ?? "unknown";
            if (!IsStreaming(request))
            {
                var usage = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 0, ["total_tokens"] = 1 };
                await WriteJsonAsync(context, 200, Completion(id, model, "chat.completion", [], usage));
                return;
            }
            await StartStreamAsync(context);
            await WriteDataAsync(context, Completion(id, model, "chat.completion.chunk", [], null).ToJsonString());
            await WriteDataAsync(context, "[DONE]");
        });

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        Requests.Enqueue(body);
        var id = $"chatcmpl-scripted-{Interlocked.Increment(ref _completions)}";
        if (!_replies.TryDequeue(out var reply) && Otherwise is { } otherwise)
        {
            reply = otherwise(body);
        }
        if (reply is null)
        {
            await WriteJsonAsync(context, 501, new JsonObject { ["error"] = new JsonObject { ["message"] = "ScriptedChatServer: no reply scripted for this request." } });
            return;
        }
        await reply.Write(context, body, id);
    }

    private static bool IsStreaming(JsonObject request) => request["stream"]?.GetValue<bool>() == true;

    private static JsonObject Completion(string id, string model, string kind, JsonNode[] choices, JsonObject? usage) => new()
    {
        ["id"] = id,
        ["object"] = kind,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(choices),
        ["usage"] = usage,
    };

    private static string Chunk(string id, string model, JsonObject delta, string? finishReason)
    {
        var choice = new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason };
        return Completion(id, model, "chat.completion.chunk", [choice], null).ToJsonString();
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }

    private static async Task StartStreamAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync();
    }

    private static async Task WriteDataAsync(HttpContext context, string data)
    {
        // Flush per event so the client sees each delta as it is produced, as a real streaming server does.
        await context.Response.WriteAsync($"data: {data}\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }
}
