using Assistant.Gateway.Discovery;
using Assistant.Gateway.Health;
using Assistant.Gateway.Monitoring;
using Assistant.Gateway.Retries;
using Microsoft.AspNetCore.DataProtection;
using Yarp.ReverseProxy.Forwarder;

namespace Assistant.Gateway.Proxy;

public static class ProxyExtensions
{
    /// <summary>The YARP section: routes, the "assistant" cluster, its destinations, health checks and affinity.</summary>
    public const string SectionName = "ReverseProxy";

    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection(SectionName)).AddDnsDestinations();
        // YARP registers its encrypted-cookie affinity policy, which wants a key ring; the gateway protects nothing
        // that must outlive it (affinity uses HashCookie), so keys stay in memory rather than unencrypted on disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, TraceContextPreservingClientFactory>();
        return builder;
    }

    /// <summary>
    /// The proxy pipeline, outermost first: a failed idempotent attempt is retried from the top, so the retry picks
    /// again through affinity (which lets go of a dead replica) and load balancing; passive health checks and the
    /// outcome counter see every attempt, not only the last.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayProxy(this IEndpointRouteBuilder app)
    {
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<IdempotentRetryMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
            pipeline.UseMiddleware<ForwardOutcomeMiddleware>();
        });
        return app;
    }
}
