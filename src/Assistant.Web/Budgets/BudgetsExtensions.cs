using Assistant.Core.Budgets;
using Assistant.Web.Auth;

namespace Assistant.Web.Budgets;

/// <summary>Spending limits for admins: /api/admin/budgets and /admin/budgets, and the webhook for threshold crossings.</summary>
public static class BudgetsExtensions
{
    public static WebApplicationBuilder AddBudgets(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantBudgets();
        builder.Services.AddHttpClient(BudgetWebhookSender.ClientName);
        builder.Services.AddHostedService<BudgetWebhookSender>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBudgets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/budgets").WithTags("Budgets").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", BudgetEndpoints.List).WithSummary("Every budget scope: its limit, spend, reserved and remaining in the current period. Admins only.");
        group.MapGet("/events", BudgetEndpoints.Events).ProducesValidationProblem()
            .WithSummary("Threshold crossings (soft, limit), newest first; ?limit= up to 500. Admins only.");
        group.MapPut("/{scope}", BudgetEndpoints.SetLimit).ProducesValidationProblem()
            .WithSummary("Changes one scope's limit ({\"limit\": 5.00}): stored, audited, in force for the next call. Admins only.");
        return app;
    }
}
