using System.ComponentModel.DataAnnotations;

namespace Assistant.Gateway.Discovery;

/// <summary>
/// Replicas found through DNS (section "Gateway:DnsDestinations"): each destination's host name is resolved to all
/// its addresses, one destination per address. With a Kubernetes headless Service that is one destination per pod,
/// so affinity, health checks and the autoscaler's new pods work without listing replicas in configuration.
/// </summary>
public sealed class DnsDestinationsOptions
{
    public const string SectionName = "Gateway:DnsDestinations";

    /// <summary>Off (the default), destinations are used as written, e.g. 127.0.0.1 ports on one machine.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often a name is resolved again, so pods added or removed are picked up.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 10;

    /// <summary>Only IPv4 addresses (a name such as localhost also resolves to ::1, where nothing may listen).</summary>
    public bool IPv4Only { get; set; }
}
