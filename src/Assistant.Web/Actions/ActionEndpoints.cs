using System.Security.Claims;
using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Deciding;
using Assistant.Core.Actions.Proposing;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Conversations;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Actions;

/// <summary>
/// Tool actions over HTTP. Clients only propose and decide; <see cref="ActionProposals"/> and
/// <see cref="ActionDecisions"/> judge what may run, so every handler here is a translation: read the request, call
/// the service as the signed-in actor, map the outcome.
/// </summary>
public static class ActionEndpoints
{
    private const int MaxBodyBytes = 32 * 1024;

    private static readonly JsonElement NoArguments = JsonDocument.Parse("{}").RootElement.Clone();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tools", ListTools).WithTags("Actions").RequireAuthorization()
            .WithSummary("Every tool the assistant can propose: schema, risk, who must approve, limits.");

        var group = app.MapGroup("/api/actions").WithTags("Actions").RequireAuthorization();
        group.MapPost("/", Propose).Produces<ActionView>(StatusCodes.Status201Created).Produces<ActionView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Propose a tool action as yourself. Look-ups run at once; changes wait for your confirmation.");
        group.MapGet("/", ActionQueries.List).Produces<IReadOnlyList<ActionView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Your actions (staff: scope=all for everyone's), filtered by status (comma list), tool, risk, conversationId.");
        group.MapGet("/{id}", ActionQueries.Get).Produces<ActionDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One action with its history. Its requester or support staff only.");
        Decision(group.MapPost("/{id}/confirm", Confirm), "The requester confirms the preview: runs it, or sends it for review.");
        Decision(group.MapPost("/{id}/cancel", Cancel), "The requester withdraws a waiting action. Optional body {\"reason\"}.");
        // Approve and reject are open to every signed-in caller on purpose: ActionDecisions refuses non-staff itself and
        // records each attempt as a permission-denied audit row, which an endpoint policy would short-circuit unrecorded.
        Decision(group.MapPost("/{id}/approve", Approve),
            "Support staff approve an action awaiting approval; it then runs once. Body {\"reason\"} when the tool asks for a note. 409 if already decided.");
        Decision(group.MapPost("/{id}/reject", Reject),
            "Support staff reject an action awaiting approval. Body {\"reason\"} is required.");
    }

    public static Ok<IReadOnlyList<ToolInfo>> ListTools(ToolCatalog tools) =>
        TypedResults.Ok<IReadOnlyList<ToolInfo>>([.. tools.All.Select(ToolInfo.From)]);

    public static async Task<IResult> Propose(HttpRequest request, ClaimsPrincipal user, ActionProposals proposals, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ProposeActionRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.Tool))
        {
            return JsonBody.Invalid("tool", "Name the tool: {\"tool\": \"look_up_invoice\", \"arguments\": {...}}; GET /api/tools lists them.");
        }
        if (body.Arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined))
        {
            return JsonBody.Invalid("arguments", "The arguments must be a JSON object.");
        }
        if (body.ConversationId is not null
            && (await conversations.GetAsync(body.ConversationId, cancellationToken) is not { } conversation || conversation.OwnerId != user.UserId()))
        {
            return ActionResults.NotFound("Conversation", body.ConversationId);
        }
        // Tools without arguments may be proposed without an "arguments" member.
        var arguments = body.Arguments.ValueKind == JsonValueKind.Undefined ? NoArguments : body.Arguments;
        var outcome = await proposals.ProposeAsync(user.Actor(), body.Tool.Trim(), arguments, new ActionOrigin(body.ConversationId), cancellationToken);
        return ActionResults.From(outcome, view => outcome.Existing
            ? TypedResults.Ok(view)
            : TypedResults.Created($"/api/actions/{view.Id}", view));
    }

    public static async Task<IResult> Confirm(string id, ClaimsPrincipal user, ActionDecisions decisions, CancellationToken cancellationToken) =>
        ActionResults.Ok(await decisions.ConfirmAsync(id, user.Actor(), cancellationToken));

    public static async Task<IResult> Cancel(string id, HttpRequest request, ClaimsPrincipal user, ActionDecisions decisions, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadDecisionAsync(request, cancellationToken);
        return problem ?? ActionResults.Ok(await decisions.CancelAsync(id, user.Actor(), body!.Reason, cancellationToken));
    }

    public static async Task<IResult> Approve(string id, HttpRequest request, ClaimsPrincipal user, ActionDecisions decisions, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadDecisionAsync(request, cancellationToken);
        return problem ?? ActionResults.Ok(await decisions.ApproveAsync(id, user.Actor(), body!.Reason, cancellationToken));
    }

    public static async Task<IResult> Reject(string id, HttpRequest request, ClaimsPrincipal user, ActionDecisions decisions, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadDecisionAsync(request, cancellationToken);
        return problem ?? ActionResults.Ok(await decisions.RejectAsync(id, user.Actor(), body!.Reason, cancellationToken));
    }

    /// <summary>A decision's body is optional (an approval of most tools needs no note), but when sent it must be valid JSON.</summary>
    private static async Task<(DecisionRequest? Body, IResult? Problem)> ReadDecisionAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null)
            ? (new DecisionRequest(null), null)
            : await JsonBody.ReadAsync<DecisionRequest>(request, MaxBodyBytes, cancellationToken);

    private static void Decision(RouteHandlerBuilder endpoint, string summary) =>
        endpoint.Produces<ActionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary(summary);
}
