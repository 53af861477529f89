using System.Security.Claims;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.Tools;
using Assistant.Web.Auth;
using Assistant.Web.Http;

namespace Assistant.Web.Actions;

/// <summary>The read side of /api/actions: lists with filters, and one action with its history.</summary>
public static class ActionQueries
{
    private static readonly string[] Statuses =
    [
        ActionStatus.AwaitingUser, ActionStatus.AwaitingApproval, ActionStatus.Approved, ActionStatus.Executing, ActionStatus.Executed,
        ActionStatus.Failed, ActionStatus.Rejected, ActionStatus.Cancelled, ActionStatus.Expired,
    ];

    public static async Task<IResult> List(ClaimsPrincipal user, ActionReader actions, string? scope, string? status, string? tool, string? risk, string? conversationId,
        CancellationToken cancellationToken)
    {
        if (scope is not (null or "mine" or "all"))
        {
            return JsonBody.Invalid("scope", "scope is 'mine' (the default) or 'all' (support staff only).");
        }
        if (scope == "all" && !user.IsStaff())
        {
            return TypedResults.Problem("Only support staff can list everyone's actions; leave out scope to see yours.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
        var statuses = (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statuses.FirstOrDefault(s => !Statuses.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            return JsonBody.Invalid("status", $"Unknown status '{unknown}'; statuses are: {string.Join(", ", Statuses)}.");
        }
        RiskLevel? riskLevel = null;
        if (risk is not null)
        {
            if (!Enum.TryParse<RiskLevel>(risk, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return JsonBody.Invalid("risk", $"Unknown risk '{risk}'; risks are: {string.Join(", ", Enum.GetNames<RiskLevel>())}.");
            }
            riskLevel = parsed;
        }

        var found = await actions.ListAsync(user.Actor(), statuses, conversationId, everyone: scope == "all", cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ActionView>>([.. found.Where(a => (tool is null || a.Tool == tool) && (riskLevel is null || a.Risk == riskLevel))]);
    }

    /// <summary>Anyone but the requester and staff gets 404, which does not reveal that the action exists.</summary>
    public static async Task<IResult> Get(string id, ClaimsPrincipal user, ActionReader actions, CancellationToken cancellationToken) =>
        await actions.GetAsync(id, user.Actor(), cancellationToken) is { } view
            ? TypedResults.Ok(new ActionDetails(view, await actions.HistoryAsync(id, cancellationToken)))
            : ActionResults.NotFound("Action", id);
}
