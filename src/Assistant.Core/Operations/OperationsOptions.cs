using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Operations;

/// <summary>
/// The kill switches as the service starts (section "Assistant:Operations"). An admin change at run time (stored in
/// the app database, audited) overrides all of them until the admin clears it; then these apply again.
/// </summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Assistant:Operations";

    public const string DefaultMaintenanceMessage = "The assistant is down for maintenance. Please try again later, or contact support.";

    /// <summary>No tool is proposed, confirmed, approved or run.</summary>
    public bool AllToolsOff { get; set; }

    /// <summary>Tools by name (as in the tool catalog) that are off; an unknown name fails at start.</summary>
    public List<string> DisabledTools { get; set; } = [];

    /// <summary>Safe mode: answers are extractive and tools are planned by the router; the model is never called.</summary>
    public bool ForceOffline { get; set; }

    /// <summary>Every question gets <see cref="MaintenanceMessage"/>: no retrieval, no model, no tool.</summary>
    public bool Maintenance { get; set; }

    [Required, StringLength(OperationsSettings.MaxMessageLength, MinimumLength = 1)]
    public string MaintenanceMessage { get; set; } = DefaultMaintenanceMessage;

    /// <summary>How old the in-memory state may get before the app database is read again (another replica's change).</summary>
    [Range(50, 1_000)]
    public int RefreshMilliseconds { get; set; } = 500;

    public OperationsSettings ToSettings() => new(AllToolsOff, DisabledTools.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        ForceOffline, Maintenance, MaintenanceMessage);
}
