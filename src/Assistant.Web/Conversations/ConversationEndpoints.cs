using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Tracing;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Conversations;

public static class ConversationEndpoints
{
    // JSON escaping can double a question's size; the content limit itself is checked after parsing.
    private const int MaxBodyBytes = 128 * 1024;

    public static async Task<Created<ConversationCreated>> Create(IConversationStore conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.CreateAsync(cancellationToken);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", new ConversationCreated(conversation.Id, conversation.CreatedAt));
    }

    public static async Task<Results<Ok<Conversation>, ProblemHttpResult>> Get(string id, IConversationStore conversations, CancellationToken cancellationToken) =>
        await conversations.GetAsync(id, cancellationToken) is { } conversation ? TypedResults.Ok(conversation) : NotFound(id);

    public static async Task<Results<Ok<AnswerTrace>, ProblemHttpResult>> GetTrace(string id, ITraceStore traces, CancellationToken cancellationToken) =>
        await traces.GetAsync(id, cancellationToken) is { } trace
            ? TypedResults.Ok(trace)
            : TypedResults.Problem($"There is no trace '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Trace not found");

    public static async Task<IResult> Ask(string id, HttpRequest request, ConversationService service, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<MessageRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Content))
        {
            return JsonBody.Invalid("content", "The message is empty; send {\"content\": \"your question\"}.");
        }
        if (body.Content.Length > service.MaxQuestionLength)
        {
            return JsonBody.Invalid("content", $"The message is {body.Content.Length:N0} characters; the limit is {service.MaxQuestionLength:N0}.");
        }
        if (await conversations.GetAsync(id, cancellationToken) is not { } conversation)
        {
            return NotFound(id);
        }

        var events = service.AskAsync(conversation, body.Content.Trim(), cancellationToken);
        if (request.Headers.Accept.Any(value => value?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.ServerSentEvents(ToSse(events, conversation.Id, cancellationToken));
        }
        await foreach (var item in events)
        {
            if (item is AnswerCompleted completed)
            {
                return TypedResults.Ok(new MessageResponse(conversation.Id, completed.Answer.TraceId, completed.Answer));
            }
        }
        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    /// <summary>"delta" events carry text as it is generated (unverified; "reset" discards what came before); one "answer" event carries the verified answer.</summary>
    private static async IAsyncEnumerable<SseItem<object>> ToSse(IAsyncEnumerable<AnswerEvent> events, string conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in events.WithCancellation(cancellationToken))
        {
            yield return item switch
            {
                AnswerDelta delta => new SseItem<object>(new { text = delta.Text, reset = delta.Reset }, "delta"),
                AnswerCompleted completed => new SseItem<object>(new MessageResponse(conversationId, completed.Answer.TraceId, completed.Answer), "answer"),
                _ => throw new InvalidOperationException($"Unknown answer event {item.GetType().Name}."),
            };
        }
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no conversation '{id}'. Create one with POST /api/conversations.", statusCode: StatusCodes.Status404NotFound, title: "Conversation not found");
}
