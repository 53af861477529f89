using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Gateway.Tests.Support;

/// <summary>
/// The real gateway (its appsettings.json, its Program) on a real Kestrel port of 127.0.0.1, with the sample's three
/// destinations pointed at the given replicas. <see cref="Settings"/> overrides anything else before it starts.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyList<string> _replicaAddresses;

    public GatewayFactory(params IReadOnlyList<string> replicaAddresses)
    {
        _replicaAddresses = replicaAddresses;
        UseKestrel(0);
    }

    public Dictionary<string, string?> Settings { get; } = [];

    public Uri Address { get; private set; } = null!;

    public static async Task<(GatewayFactory Gateway, FakeReplica[] Replicas)> StartWithReplicasAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var replicas = await Task.WhenAll(FakeReplica.StartAsync("replica1"), FakeReplica.StartAsync("replica2"), FakeReplica.StartAsync("replica3"));
        var gateway = new GatewayFactory(replicas.Select(replica => replica.Address).ToArray());
        configure?.Invoke(gateway.Settings);
        gateway.Start();
        return (gateway, replicas);
    }

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Address = new Uri(address);
    }

    /// <summary>A client that keeps cookies (the affinity cookie among them) like a browser.</summary>
    public HttpClient CreateBrowserClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = Address };

    /// <summary>A client without cookies: every request is a stranger to affinity.</summary>
    public HttpClient CreateCookielessClient() => new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration =>
        {
            var settings = new Dictionary<string, string?>();
            for (var i = 0; i < _replicaAddresses.Count; i++)
            {
                settings[$"ReverseProxy:Clusters:assistant:Destinations:replica{i + 1}:Address"] = _replicaAddresses[i];
            }
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }
            configuration.AddInMemoryCollection(settings);
        });
    }
}
