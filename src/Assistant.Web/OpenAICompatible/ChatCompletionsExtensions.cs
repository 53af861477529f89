using System.Text.Json;
using Assistant.Core.Answers;
using Assistant.Core.Privacy;
using Assistant.Core.Tracing;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.Extensions.Options;

namespace Assistant.Web.OpenAICompatible;

/// <summary>
/// POST /v1/chat/completions, so existing OpenAI clients can use the assistant. The last user message is the
/// question and earlier user messages give follow-ups their context. Standard fields follow OpenAI's format; the
/// verified sentences, citations and outcome travel in the extension field "assistant" (see docs/api.md).
/// </summary>
public static class ChatCompletionsExtensions
{
    private const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapChatCompletions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", Complete).WithTags("OpenAI-compatible").RequireAuthorization()
            .WithSummary("OpenAI-compatible chat completion over the knowledge base, streaming or not; citations in the \"assistant\" extension field.");
        app.MapModels();
        return app;
    }

    public static async Task<IResult> Complete(HttpContext context, AnswerService answers, ITraceStore traces, IOptions<AnswerOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChatCompletionRequest>(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var messages = body!.Messages ?? [];
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message || string.IsNullOrWhiteSpace(message.Role))
            {
                return JsonBody.Invalid($"messages[{i}]", "Each message needs a \"role\" and \"content\".");
            }
            if (!message.HasReadableContent)
            {
                return JsonBody.Invalid($"messages[{i}].content", "Content must be a string or an array of {\"type\": \"text\", \"text\": \"...\"} parts.");
            }
        }
        var userMessages = messages.Where(m => string.Equals(m!.Role, "user", StringComparison.OrdinalIgnoreCase)).Select(m => m!.Text.Trim()).ToList();
        if (userMessages.Count == 0 || userMessages[^1].Length == 0)
        {
            return JsonBody.Invalid("messages", "Send at least one message with role \"user\" and non-empty content; the last one is the question.");
        }
        if (userMessages[^1].Length > options.Value.MaxQuestionLength)
        {
            return JsonBody.Invalid("messages", $"The last user message is {userMessages[^1].Length:N0} characters; the limit is {options.Value.MaxQuestionLength:N0}.");
        }

        // Every user message is redacted before it is answered, traced or sent to a model; only the last one's removals
        // are announced, since clients resend the whole history each turn.
        var redacted = userMessages.Select(SensitiveDataRedactor.Redact).ToList();
        var notice = SensitiveDataNotice.For(redacted[^1].Removed);
        var request = new AnswerRequest(redacted[^1].Text, null, redacted.Take(redacted.Count - 1).Select(r => r.Text).ToList(), context.User.UserId());
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (body.Stream != true)
        {
            var answer = await answers.AnswerAsync(request, cancellationToken);
            var trace = await traces.GetAsync(answer.TraceId, cancellationToken);
            return TypedResults.Json(new
            {
                id = $"chatcmpl-{answer.TraceId}",
                @object = "chat.completion",
                created,
                model = ModelName(answer),
                choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Text }, finish_reason = "stop" } },
                usage = Usage(trace),
                assistant = Extension(answer, notice),
            }, Json);
        }

        await StreamAsync(context, answers, traces, request, notice, created, cancellationToken);
        return Results.Empty;
    }

    /// <summary>
    /// Streams the verified answer: OpenAI clients concatenate deltas and cannot honour our "discard that" signals,
    /// so only text that passed verification is sent, in word-sized chunks, then a final chunk with usage and the
    /// "assistant" extension. Our own SSE endpoint streams text as it is generated instead.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, AnswerService answers, ITraceStore traces, AnswerRequest request, SensitiveDataNotice? notice, long created,
        CancellationToken cancellationToken)
    {
        var answer = await answers.AnswerAsync(request, cancellationToken);
        var trace = await traces.GetAsync(answer.TraceId, cancellationToken);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var id = $"chatcmpl-{answer.TraceId}";
        var model = ModelName(answer);
        foreach (var piece in Pieces(answer.Text))
        {
            await WriteChunkAsync(context, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } } }, cancellationToken);
        }
        await WriteChunkAsync(context, new
        {
            id, @object = "chat.completion.chunk", created, model,
            choices = new[] { new { index = 0, delta = new { content = "" }, finish_reason = (string?)"stop" } },
            usage = Usage(trace),
            assistant = Extension(answer, notice),
        }, cancellationToken);
        await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
    }

    private static IEnumerable<string> Pieces(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += 4)
        {
            yield return string.Join(' ', words.Skip(i).Take(4)) + (i + 4 < words.Length ? " " : "");
        }
    }

    private static async Task WriteChunkAsync(HttpContext context, object chunk, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk, Json)}\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static string ModelName(Answer answer) => $"assistant/{answer.Model ?? answer.Generator}";

    private static object Usage(AnswerTrace? trace) => new
    {
        prompt_tokens = trace?.TokensIn ?? 0,
        completion_tokens = trace?.TokensOut ?? 0,
        total_tokens = (trace?.TokensIn ?? 0) + (trace?.TokensOut ?? 0),
    };

    private static object Extension(Answer answer, SensitiveDataNotice? notice) => new
    {
        outcome = answer.Outcome,
        generator = answer.Generator,
        confidence = answer.Confidence,
        confidence_reason = answer.ConfidenceReason,
        notice = answer.Notice,
        trace_id = answer.TraceId,
        sentences = answer.Sentences,
        suggestions = answer.Suggestions,
        sensitive_data = notice,
    };
}
