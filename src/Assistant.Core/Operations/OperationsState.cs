namespace Assistant.Core.Operations;

/// <summary>The switches in force, where they come from ("configuration" or "admin"), and who changed them when.</summary>
public sealed record OperationsState(OperationsSettings Settings, string Source, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public const string FromConfiguration = "configuration";
    public const string FromAdmin = "admin";
}
