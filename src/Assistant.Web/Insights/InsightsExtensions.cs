using Assistant.Core.Insights;
using Assistant.Web.Auth;

namespace Assistant.Web.Insights;

/// <summary>Product KPIs, drift and content gaps for support staff: the /admin/dashboard page and its JSON and CSV.</summary>
public static class InsightsExtensions
{
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantInsights();
        builder.Services.AddSingleton<IEligibleAccounts, ConfiguredAccounts>();
        builder.Services.AddHostedService<DriftSignalRefresher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Dashboard").RequireAuthorization(Roles.StaffPolicy);
        group.MapGet("/kpis", KpiEndpoints.Get).ProducesValidationProblem()
            .WithSummary("KPIs with targets, statuses and daily trends, drift, content gaps and feedback by category for ?from=&to= (yyyy-MM-dd, UTC, both included; default the last 7 days). Agents and admins.");
        group.MapGet("/kpis.csv", KpiEndpoints.Csv).Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .WithSummary("The same KPIs as CSV: one row per KPI for the period, then one per KPI and day. Agents and admins.");
        return app;
    }
}
