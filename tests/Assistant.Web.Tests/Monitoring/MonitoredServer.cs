using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests.Monitoring;

/// <summary>
/// The web host on Kestrel at 127.0.0.1 (a free port), as Prometheus would scrape it, over a temp knowledge folder
/// with one refund article, a temp data folder and the given settings (a scripted model, monitoring switches).
/// </summary>
internal sealed class MonitoredServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly string _knowledge = Directory.CreateTempSubdirectory("assistant-monitoring-knowledge-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("assistant-monitoring-data-").FullName;

    public const string RefundSentence = "We refund the full amount of your first payment if you request it within 14 days.";

    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        File.WriteAllText(Path.Combine(_knowledge, "refund-policy.md"),
            "---\ntitle: Refund policy\naudience: customers\nupdated: 2026-01-01\ntags: [billing]\n---\n\n# Refund policy\n\n## Full refund\n\n"
            + RefundSentence + "\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days.\n");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        await Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// A client over real TCP; signed in as <paramref name="username"/> with a bearer token when given. It sends a
    /// test's traceparent header as written: without this, a host's HttpClient instrumentation (listening to the whole
    /// test process) would replace it with a trace of its own.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string? username = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = BaseAddress };
        if (username is not null)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = AssistantWebFactory.DemoPasswords[username] });
            response.EnsureSuccessStatusCode();
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Assistant:DataDirectory", _data);
        builder.UseSetting("Assistant:KnowledgeDirectory", _knowledge);
        builder.UseSetting("Assistant:Ingestion:IngestOnStartup", "true");
        builder.UseSetting("Assistant:Embeddings:Provider", "Hashing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        AssistantWebFactory.DeleteTempDirectory(_knowledge);
        AssistantWebFactory.DeleteTempDirectory(_data);
    }
}
