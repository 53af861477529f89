using System.Security.Claims;
using Assistant.Core.Conversations;
using Assistant.Core.Handoffs;
using Assistant.Core.Privacy;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Handoffs;

public sealed record HandoffRequest(string? ConversationId, string? Reason);

public static class HandoffsExtensions
{
    public static WebApplicationBuilder AddHandoffs(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantHandoffs();
        return builder;
    }

    public static IEndpointRouteBuilder MapHandoffs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/handoffs").WithTags("Handoffs").RequireAuthorization();
        group.MapPost("/", Create).WithSummary("Ask for a person to take over one of your conversations.");
        group.MapGet("/", List).RequireAuthorization(Roles.StaffPolicy).WithSummary("Handoffs, optionally by status (open). Support staff only.");
        group.MapGet("/{id}", Get).RequireAuthorization(Roles.StaffPolicy).WithSummary("One handoff. Support staff only.");
        group.MapPost("/{id}/claim", (string id, ClaimsPrincipal user, IHandoffStore handoffs, CancellationToken cancellationToken) =>
                Transition(id, Handoff.Open, Handoff.Claimed, user, handoffs, cancellationToken))
            .RequireAuthorization(Roles.StaffPolicy).WithSummary("Take an open handoff. 409 if someone else already did.");
        group.MapPost("/{id}/close", (string id, ClaimsPrincipal user, IHandoffStore handoffs, CancellationToken cancellationToken) =>
                Transition(id, Handoff.Claimed, Handoff.Closed, user, handoffs, cancellationToken))
            .RequireAuthorization(Roles.StaffPolicy).WithSummary("Close a claimed handoff.");
        return app;
    }

    public static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, IHandoffStore handoffs, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<HandoffRequest>(request, 16 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.ConversationId))
        {
            return JsonBody.Invalid("conversationId", "Name the conversation to hand over: {\"conversationId\": \"conv_...\"}.");
        }
        if (await conversations.GetAsync(body.ConversationId, cancellationToken) is not { } conversation || conversation.OwnerId != user.UserId())
        {
            return TypedResults.Problem($"There is no conversation '{body.ConversationId}'.", statusCode: StatusCodes.Status404NotFound, title: "Conversation not found");
        }
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? "The user asked to talk to a person." : SensitiveDataRedactor.Redact(body.Reason.Trim()).Text;
        var handoff = await handoffs.CreateAsync(body.ConversationId, reason.Length > 2000 ? reason[..2000] : reason, cancellationToken);
        return TypedResults.Created($"/api/handoffs/{handoff.Id}", handoff);
    }

    public static async Task<Results<Ok<Handoff>, ProblemHttpResult>> Get(string id, IHandoffStore handoffs, CancellationToken cancellationToken) =>
        await handoffs.GetAsync(id, cancellationToken) is { } handoff
            ? TypedResults.Ok(handoff)
            : TypedResults.Problem($"There is no handoff '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Handoff not found");

    public static async Task<Results<Ok<Handoff>, ProblemHttpResult>> Transition(string id, string from, string to, ClaimsPrincipal user, IHandoffStore handoffs, CancellationToken cancellationToken)
    {
        if (await handoffs.TransitionAsync(id, from, to, user.UserId(), cancellationToken) is { } moved)
        {
            return TypedResults.Ok(moved);
        }
        return await handoffs.GetAsync(id, cancellationToken) is { } current
            ? TypedResults.Problem($"The handoff is {current.Status}, not {from}.", statusCode: StatusCodes.Status409Conflict, title: "Handoff already moved on")
            : TypedResults.Problem($"There is no handoff '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Handoff not found");
    }

    public static async Task<Ok<IReadOnlyList<Handoff>>> List(string? status, IHandoffStore handoffs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handoffs.ListAsync(status, cancellationToken));
}
