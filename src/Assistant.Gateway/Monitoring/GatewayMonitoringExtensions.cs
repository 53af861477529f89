using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Assistant.Gateway.Monitoring;

public static class GatewayMonitoringExtensions
{
    public static WebApplicationBuilder AddGatewayMonitoring(this WebApplicationBuilder builder)
    {
        // JSON lines with scopes: the X-Request-Id scope and the W3C trace id ride on every line of a request.
        builder.Logging.ClearProviders();
        builder.Logging.Configure(factory => factory.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<YarpCounterBridge>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("assistant-gateway"))
            .WithMetrics(metrics => metrics
                .AddMeter(GatewayMetrics.MeterName)
                // Kestrel, hosting, routing and rate limiting meters (429s appear as rejected leases).
                .AddAspNetCoreInstrumentation()
                // "System.Net.Http": YARP's outgoing requests, per replica address (server.address, server.port).
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointRouteBuilder MapGatewayMonitoring(this IEndpointRouteBuilder app)
    {
        // Created now, not on the first scrape: the bridge must listen before the counters it reports move.
        app.ServiceProvider.GetRequiredService<GatewayMetrics>();
        app.ServiceProvider.GetRequiredService<YarpCounterBridge>();
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
        return app;
    }
}
