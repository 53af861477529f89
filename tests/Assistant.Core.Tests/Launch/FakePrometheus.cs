using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Tests.Launch;

/// <summary>
/// A Prometheus rules API on 127.0.0.1 (a random port) that answers <c>GET /api/v1/rules</c> as Prometheus 2.x does,
/// with the alerting rules the test says are loaded and their health.
/// </summary>
public sealed class FakePrometheus : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePrometheus(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakePrometheus> StartAsync(IReadOnlyDictionary<string, string> alerts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/api/v1/rules", () => Results.Json(new
        {
            status = "success",
            data = new
            {
                groups = new[]
                {
                    new
                    {
                        name = "assistant-answers",
                        file = "/etc/prometheus/rules/assistant.yml",
                        rules = alerts.Select(alert => new { name = alert.Key, type = "alerting", health = alert.Value, query = "vector(1)" }).ToArray(),
                    },
                },
            },
        }));
        await app.StartAsync();
        return new FakePrometheus(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
