using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Tracing;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Assistant.Core.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Conversations;

public static class ConversationEndpoints
{
    // JSON escaping can double a question's size; the content limit itself is checked after parsing.
    private const int MaxBodyBytes = 128 * 1024;

    public static async Task<Created<ConversationCreated>> Create(ClaimsPrincipal user, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.CreateAsync(user.UserId(), cancellationToken);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", new ConversationCreated(conversation.Id, conversation.CreatedAt));
    }

    public static async Task<Ok<IReadOnlyList<ConversationSummary>>> List(ClaimsPrincipal user, IConversationStore conversations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await conversations.ListAsync(user.UserId(), cancellationToken: cancellationToken));

    /// <summary>Owners read their conversations; support staff read any (to take over handoffs). Others get 404, which does not reveal that it exists.</summary>
    public static async Task<Results<Ok<Conversation>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IConversationStore conversations, CancellationToken cancellationToken) =>
        await conversations.GetAsync(id, cancellationToken) is { } conversation && (conversation.OwnerId == user.UserId() || user.IsStaff())
            ? TypedResults.Ok(conversation)
            : NotFound(id);

    public static async Task<Results<Ok<AnswerTrace>, ProblemHttpResult>> GetTrace(string id, ClaimsPrincipal user, ITraceStore traces, CancellationToken cancellationToken)
    {
        var trace = await traces.GetAsync(id, cancellationToken);
        return trace is not null && (trace.UserId == user.UserId() || user.IsStaff())
            ? TypedResults.Ok(trace)
            : TypedResults.Problem($"There is no trace '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Trace not found");
    }

    public static async Task<IResult> Ask(string id, HttpRequest request, ClaimsPrincipal user, ConversationService service, IConversationStore conversations, CancellationToken cancellationToken)
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
        // Only the owner asks in a conversation; staff can read it but speak through a handoff.
        if (await conversations.GetRecentAsync(id, ConversationService.ContextMessages, cancellationToken) is not { } conversation
            || conversation.OwnerId != user.UserId())
        {
            return NotFound(id);
        }

        var events = service.AskAsync(conversation, body.Content.Trim(), user.Actor(), cancellationToken);
        if (request.Headers.Accept.Any(value => value?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.ServerSentEvents(ToSse(events, conversation.Id, cancellationToken));
        }
        MessageResponse? response = null;
        SensitiveDataRemoved? removed = null;
        await foreach (var item in events)
        {
            removed = item as SensitiveDataRemoved ?? removed;
            response = item switch
            {
                AnswerCompleted completed => new MessageResponse(conversation.Id, completed.Answer.TraceId, completed.Answer, SensitiveData: removed),
                ActionProposed proposed => response! with { Action = proposed.Action },
                ActionPromptRaised prompt => response! with { ActionPrompt = prompt.Prompt },
                _ => response,
            };
        }
        return response is null
            ? throw new InvalidOperationException("The answer stream ended without an answer.")
            : TypedResults.Ok(response);
    }

    /// <summary>
    /// "sensitive-data" comes first when card numbers, SSNs or secrets were removed from the message (the question as
    /// kept, and the notice to show); "delta" events carry text as it is generated (unverified; "reset" discards what
    /// came before); one "answer" event carries the verified answer; then an "action" event (the proposed action's
    /// card) or an "action-prompt" event (what is missing, or why the tool refused) when the message asked for an action.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> ToSse(IAsyncEnumerable<AnswerEvent> events, string conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SensitiveDataRemoved? removed = null;
        await foreach (var item in events.WithCancellation(cancellationToken))
        {
            removed = item as SensitiveDataRemoved ?? removed;
            yield return item switch
            {
                SensitiveDataRemoved => new SseItem<object>(removed!, "sensitive-data"),
                AnswerDelta delta => new SseItem<object>(new { text = delta.Text, reset = delta.Reset }, "delta"),
                AnswerCompleted completed => new SseItem<object>(new MessageResponse(conversationId, completed.Answer.TraceId, completed.Answer, SensitiveData: removed), "answer"),
                ActionProposed proposed => new SseItem<object>(proposed.Action, "action"),
                ActionPromptRaised prompt => new SseItem<object>(prompt.Prompt, "action-prompt"),
                _ => throw new InvalidOperationException($"Unknown answer event {item.GetType().Name}."),
            };
        }
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no conversation '{id}'. Create one with POST /api/conversations.", statusCode: StatusCodes.Status404NotFound, title: "Conversation not found");
}
