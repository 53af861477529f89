using System.Security.Claims;
using Assistant.Core.Budgets;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Budgets;

/// <summary>The admin budget API: limits, spend and remaining per scope; changing a limit; the threshold events.</summary>
public static class BudgetEndpoints
{
    public const int MaxEvents = 500;

    public static async Task<Ok<BudgetsView>> List(BudgetAdministration budgets, IOptions<BudgetOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(new BudgetsView(options.Value.Enabled, options.Value.SoftThresholdPercent, await budgets.ListAsync(cancellationToken)));

    public static async Task<IResult> Events(BudgetAdministration budgets, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxEvents)
        {
            return JsonBody.Invalid("limit", $"limit is between 1 and {MaxEvents}.");
        }
        return TypedResults.Ok(await budgets.ListEventsAsync(limit ?? 100, cancellationToken));
    }

    public static async Task<IResult> SetLimit(string scope, HttpRequest request, ClaimsPrincipal user, BudgetAdministration budgets, CancellationToken cancellationToken)
    {
        if (BudgetScopes.Find(scope) is not { } known)
        {
            return JsonBody.Invalid("scope", $"Unknown budget '{scope}'. Budgets are: {string.Join(", ", BudgetScopes.All.Select(s => s.Name))}.");
        }
        var (body, problem) = await JsonBody.ReadAsync<SetBudgetLimitRequest>(request, 4 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (BudgetAdministration.Problem(known, body!.Limit) is { } invalid)
        {
            return JsonBody.Invalid("limit", invalid);
        }
        var admin = user.Actor();
        return TypedResults.Ok(await budgets.SetLimitAsync(admin.Username, admin.Role, known, body.Limit!.Value, cancellationToken));
    }
}
