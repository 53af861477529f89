using Assistant.Core;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Actions;

namespace Assistant.Web.Actions;

public static class ActionsExtensions
{
    public static WebApplicationBuilder AddActions(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantBackoffice();
        builder.Services.AddAssistantAudit();
        builder.Services.AddAssistantActions();
        builder.Services.AddHostedService<BackofficeSeeding>();
        builder.Services.AddHostedService<ActionExpirySweeper>();
        return builder;
    }

    public static IEndpointRouteBuilder MapActions(this IEndpointRouteBuilder app)
    {
        ActionEndpoints.Map(app);
        AuditEndpoints.Map(app);
        return app;
    }
}
