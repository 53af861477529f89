namespace Assistant.Gateway.Health;

/// <summary>What /healthz answers: "ok" while the gateway runs, and every replica it routes to.</summary>
public sealed record GatewayStatus(string Status, IReadOnlyList<DestinationStatus> Destinations);
