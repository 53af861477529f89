using Yarp.ReverseProxy.Health;

namespace Assistant.Gateway.Health;

public static class HealthExtensions
{
    /// <summary>YARP's passive policy (TransportFailureRate) options: the window and the failure rate that ejects a replica.</summary>
    public const string PassiveSectionName = "Gateway:PassiveHealth";

    public static WebApplicationBuilder AddGatewayHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IActiveHealthCheckPolicy, ReadyHealthPolicy>();
        builder.Services.AddOptions<TransportFailureRateHealthPolicyOptions>().BindConfiguration(PassiveSectionName);
        return builder;
    }

    /// <summary>/healthz: the gateway itself is up (a liveness probe), with each replica's health for a human.</summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GatewayHealthEndpoint.Get).DisableRateLimiting();
        return app;
    }
}
