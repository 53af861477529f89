using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Assistant.Gateway.Discovery;

public static class DiscoveryExtensions
{
    /// <summary>
    /// YARP's DNS destination resolver, used when Gateway:DnsDestinations:Enabled is on. The choice is made when the
    /// proxy first resolves its destinations, not while services are registered, so configuration added late (by a
    /// test host, or a reloaded file) decides it like every other setting.
    /// </summary>
    public static IReverseProxyBuilder AddDnsDestinations(this IReverseProxyBuilder proxy)
    {
        proxy.Services.AddOptions<DnsDestinationsOptions>().BindConfiguration(DnsDestinationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        proxy.AddDnsDestinationResolver();
        proxy.Services.AddOptions<DnsDestinationResolverOptions>().Configure<IOptions<DnsDestinationsOptions>>((resolver, dns) =>
        {
            resolver.RefreshPeriod = TimeSpan.FromSeconds(dns.Value.RefreshSeconds);
            resolver.AddressFamily = dns.Value.IPv4Only ? AddressFamily.InterNetwork : null;
        });
        var dnsResolver = proxy.Services.Last(service => service.ServiceType == typeof(IDestinationResolver));
        proxy.Services.Remove(dnsResolver);
        proxy.Services.AddSingleton<IDestinationResolver>(services =>
            services.GetRequiredService<IOptions<DnsDestinationsOptions>>().Value.Enabled
                ? Create(dnsResolver, services)
                : new AsConfiguredDestinations());
        return proxy;
    }

    private static IDestinationResolver Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IDestinationResolver)(descriptor.ImplementationFactory?.Invoke(services)
            ?? descriptor.ImplementationInstance
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Destinations exactly as configured (what YARP does without a resolver).</summary>
    private sealed class AsConfiguredDestinations : IDestinationResolver
    {
        public ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
            IReadOnlyDictionary<string, Yarp.ReverseProxy.Configuration.DestinationConfig> destinations, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new ResolvedDestinationCollection(destinations, null));
    }
}
