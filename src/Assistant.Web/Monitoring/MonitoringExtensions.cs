using Assistant.Core.Monitoring;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Assistant.Web.Monitoring;

public static class MonitoringExtensions
{
    /// <summary>Every meter and activity source of ours is named "Assistant.*" (Generation, Product, Budgets, ...).</summary>
    public const string OurSources = "Assistant.*";

    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Read here as well as bound: whether the exporters exist is decided while services are registered.
        var options = builder.Configuration.GetSection(MonitoringOptions.SectionName).Get<MonitoringOptions>() ?? new MonitoringOptions();
        StructuredLogs.Configure(builder.Logging, options);
        builder.Services.AddAssistantProductMetrics();
        builder.Services.AddSingleton<IndexGauges>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, policy => MetricsAccess.Configure(policy, options.MetricsToken));
        if (!options.Enabled)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("assistant"))
            .WithMetrics(metrics => metrics
                .AddMeter(OurSources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        // Spans only go somewhere through OTLP; without a collector, recording them would be cost for nothing.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing.AddSource(OurSources).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }
        // The gauges exist from the first scrape, not from whenever something first asks for them.
        app.ServiceProvider.GetRequiredService<IndexGauges>();
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (options.MetricsRequireAuth)
        {
            metrics.RequireAuthorization(MetricsAccess.Policy);
        }
        return app;
    }
}
