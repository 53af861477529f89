namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Everything `bench scale-out` measured: one entry per replica count, and 1 against N replicas.</summary>
internal sealed record ScaleOutResult(
    string Machine,
    string? LoadAverage,
    DateTimeOffset RanAt,
    ScaleOutRunSettings Settings,
    IReadOnlyList<ScaleOutRunResult> Runs,
    ScalingComparison? Comparison,
    bool AllPassed);

internal sealed record ScaleOutRunSettings(double Seconds, double KillAtSeconds, double WarmUpSeconds, int ChatUsers, int ActionUsers, int Staff,
    int ConversationLength, string Knowledge, IReadOnlyDictionary<string, string> ReplicaSettings, IReadOnlyDictionary<string, string> GatewaySettings);

/// <param name="Total">The whole measured run as one phase.</param>
/// <param name="RequestsByReplica">Attempts the gateway sent each destination (its /metrics), warm-up included.</param>
/// <param name="Timeline">Answers and failures per second of the measured time.</param>
/// <param name="Writes">What the users were told was done: conversations, accepted messages, actions, confirmations, approvals.</param>
/// <param name="Database">What the measured time cost PostgreSQL, per answer; null when the run broke before it was read.</param>
internal sealed record ScaleOutRunResult(
    int Replicas,
    KillReport? Kill,
    KillFailures? KillFailures,
    IReadOnlyList<PhaseStats> Phases,
    PhaseStats Total,
    IReadOnlyDictionary<string, double> RequestsByReplica,
    IReadOnlyDictionary<string, int> Writes,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<TargetResult> Targets,
    Timeline? Timeline,
    string? Error,
    DatabaseActivity? Database = null);

internal sealed record TargetResult(string Name, bool Met, string Measured);

/// <param name="Note">What two cores can and cannot show about scaling.</param>
internal sealed record ScalingComparison(int Replicas, double OneReplicaAnswersPerSecond, double ReplicasAnswersPerSecond, double Ratio, string Note);
