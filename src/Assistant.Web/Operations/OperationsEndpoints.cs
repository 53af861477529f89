using System.Security.Claims;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Operations;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Operations;

/// <summary>The admin kill-switch API: the switches in force and who changed them, setting them, and clearing an override.</summary>
public static class OperationsEndpoints
{
    public static async Task<Ok<OperationsView>> Get(OperationsSwitches switches, ToolCatalog tools, IAuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ViewAsync(switches, tools, audit, cancellationToken));

    public static async Task<IResult> Set(HttpRequest request, ClaimsPrincipal user, OperationsSwitches switches, OperationsAdministration administration,
        ToolCatalog tools, IAuditLog audit, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SetOperationsRequest>(request, 16 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var current = (await switches.CurrentAsync(cancellationToken)).Settings;
        var wanted = new OperationsSettings(
            body!.AllToolsOff ?? current.AllToolsOff,
            body.DisabledTools ?? current.DisabledTools,
            body.ForceOffline ?? current.ForceOffline,
            body.Maintenance ?? current.Maintenance,
            body.MaintenanceMessage?.Trim() ?? current.MaintenanceMessage);
        if (OperationsAdministration.Problems(wanted, ToolNames(tools)) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "The switches were not changed.");
        }
        var admin = user.Actor();
        await administration.SetAsync(admin.Username, admin.Role, wanted, cancellationToken);
        return TypedResults.Ok(await ViewAsync(switches, tools, audit, cancellationToken));
    }

    public static async Task<Ok<OperationsView>> Clear(ClaimsPrincipal user, OperationsSwitches switches, OperationsAdministration administration,
        ToolCatalog tools, IAuditLog audit, CancellationToken cancellationToken)
    {
        var admin = user.Actor();
        await administration.ClearAsync(admin.Username, admin.Role, cancellationToken);
        return TypedResults.Ok(await ViewAsync(switches, tools, audit, cancellationToken));
    }

    private static async Task<OperationsView> ViewAsync(OperationsSwitches switches, ToolCatalog tools, IAuditLog audit, CancellationToken cancellationToken) =>
        new(await switches.CurrentAsync(cancellationToken), switches.Configured.Settings, ToolNames(tools),
            await audit.ListAsync(new AuditQuery(Tool: OperationsAdministration.AuditTool, Event: AuditEvent.OperationsChanged, Limit: 20), cancellationToken));

    private static List<string> ToolNames(ToolCatalog tools) => tools.All.Select(tool => tool.Declaration.Name).ToList();
}
