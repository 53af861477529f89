namespace Assistant.Core.Operations;

/// <summary>The switches themselves: what configuration sets at start and what an admin sends to override it.</summary>
public sealed record OperationsSettings(
    bool AllToolsOff,
    IReadOnlyList<string> DisabledTools,
    bool ForceOffline,
    bool Maintenance,
    string MaintenanceMessage)
{
    public const int MaxMessageLength = 500;

    public bool IsToolOff(string tool) => AllToolsOff || DisabledTools.Contains(tool, StringComparer.Ordinal);

    /// <summary>Whether users should be told: any switch that changes what they get.</summary>
    public bool AnyOn => AllToolsOff || DisabledTools.Count > 0 || ForceOffline || Maintenance;
}
