using Assistant.Core.Operations;
using Assistant.Web.Auth;

namespace Assistant.Web.Operations;

/// <summary>Kill switches and safe mode for admins: /api/admin/operations and /admin/operations.</summary>
public static class OperationsExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantOperations();
        return builder;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/operations").WithTags("Operations").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", OperationsEndpoints.Get).WithSummary("The kill switches in force, where they come from (configuration or admin), and who changed them when. Admins only.");
        group.MapPut("/", OperationsEndpoints.Set).ProducesValidationProblem()
            .WithSummary("Sets switches ({\"maintenance\": true}); fields left out keep their value. Stored, audited, in force within a second on every replica. Admins only.");
        group.MapDelete("/", OperationsEndpoints.Clear)
            .WithSummary("Clears the admin's override: the switches from configuration apply again. Audited. Admins only.");
        return app;
    }
}
