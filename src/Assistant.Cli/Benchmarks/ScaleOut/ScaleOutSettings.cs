namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>The bounds of a scale-out run; every run of one command uses the same ones, only the replica count differs.</summary>
/// <param name="KillAt">When the replica is killed, from the start of the measured time (0 for no kill).</param>
/// <param name="ReplicaSettings">Extra configuration for every replica (--set key=value), e.g. the embedding provider.</param>
/// <param name="GatewaySettings">Extra configuration for the gateway (--gateway-set key=value), e.g. its passive health check.</param>
internal sealed record ScaleOutSettings(
    TimeSpan Duration,
    TimeSpan KillAt,
    TimeSpan WarmUp,
    int ChatUsers,
    int ActionUsers,
    int Staff,
    int ConversationLength,
    string KnowledgeDirectory,
    IReadOnlyDictionary<string, string> ReplicaSettings,
    IReadOnlyDictionary<string, string> GatewaySettings,
    TimeSpan ReadyTimeout);
