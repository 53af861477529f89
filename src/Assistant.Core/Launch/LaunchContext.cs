namespace Assistant.Core.Launch;

/// <summary>What every check shares: the time of the check, the version to launch and the gate report, read once.</summary>
public sealed record LaunchContext(DateTimeOffset Now, LaunchTarget Target, GateReportRead Gate);
