using Assistant.Gateway.Health;
using Assistant.Gateway.Monitoring;
using Assistant.Gateway.Proxy;
using Assistant.Gateway.RateLimits;
using Assistant.Gateway.RequestIds;
using Assistant.Gateway.Retries;

// The gateway in front of the Assistant.Web replicas: everything it proxies, and how, is configuration
// (appsettings.json, section "ReverseProxy" for YARP and "Gateway" for our own policies; docs/gateway.md).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddProblemDetails();
builder.AddGatewayMonitoring();
builder.AddGatewayHealth();
builder.AddRetries();
builder.AddGatewayRateLimits();
builder.AddGatewayProxy();

var app = builder.Build();

// Order matters: the request id exists before anything logs, and a rejected request never reaches a replica.
app.UseRequestIds();
app.UseRateLimiter();
app.MapGatewayMonitoring();
app.MapGatewayHealth();
app.MapGatewayProxy();

app.Run();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
