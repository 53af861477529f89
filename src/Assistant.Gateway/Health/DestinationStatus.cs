namespace Assistant.Gateway.Health;

/// <summary>One replica as the gateway sees it: "Healthy", "Unhealthy" or "Unknown" (not probed yet) per check.</summary>
public sealed record DestinationStatus(string Cluster, string Destination, string Address, string Active, string Passive, bool Available);
